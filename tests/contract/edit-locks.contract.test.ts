import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLockedByAnotherEditor } from '../../src/portal/symbiota/editor-record';
import { LOCK_RELEASE_DELAY_MS } from '../../src/portal/symbiota/record-reader';
import { parseHtml, parseRecordTable } from '../../src/portal/symbiota/html';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { startFakePortal } from '../support/fake-server';
import { exchange, RECORDED_PORTAL, replay, type Exchange } from './recordings';

/**
 * Opening a record in the portal's editor locks it against every other editor for 15 minutes (recorded
 * INDEX §21, 3.4.14 with stamps only in the old column and no API v2 in use). The station reads records
 * there only where API v2 cannot serve it, reads a record someone else holds without the editor, and lets
 * go of its own lock at once.
 */
/** After a write the station waits for a quiet spell before it lets go of the lock; here a short one. */
const QUIET_AFTER_WRITE_MS = 50;
const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return {
    portal: createSymbiotaPortal({
      portalUrl: RECORDED_PORTAL,
      fetch: r.fetch,
      lockQuietAfterWriteMs: QUIET_AFTER_WRITE_MS,
    }),
    replay: r,
  };
};
const sentRelease = (r: ReturnType<typeof replay>) =>
  r.sent.some((sent) => sent.query.some(([k, v]) => k === 'occid' && v === '-1'));
const apiFailsFor = (occid: number): Exchange => ({
  ...exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
  name: `API v2 failing for ${occid} (as 14a)`,
  request: { method: 'GET', path: `/api/v2/occurrence/${occid}`, query: [['includeMedia', '1']], form: [] },
});
const released = async (r: ReturnType<typeof replay>) =>
  vi.waitFor(() => expect(r.sent.at(-1)?.query).toEqual([['occid', '-1']]), { timeout: 2000 });

describe('edit locks (recordings 20, 21)', () => {
  it('a supervisor reads a record a technician has open, from its table row and image tab, without the editor (21e, 21f, 21g)', async () => {
    const { portal, replay } = portalFor(
      exchange('02a-probe-editor-tech'),
      apiFailsFor(40),
      exchange('21e-admin-editor-occid40-record-locked'),
      exchange('21f-admin-table-occid40-while-locked'),
      exchange('21g-admin-imagetab-occid40-while-locked'),
    );
    await portal.session(1);
    const record = await portal.readRecord(40);
    expect(record).toMatchObject({
      occid: 40,
      collid: 1,
      catalogNumber: 'DEMO0001239',
      processingStatus: 'unprocessed',
    });
    expect(record?.images.map((i) => i.mediaId)).toEqual([10]);
    // The lock page gave admin no lock (getLock deleted admin's own before it failed): none to let go of.
    await new Promise((resolve) => setTimeout(resolve, 2 * LOCK_RELEASE_DELAY_MS));
    replay.assertAllUsed();
    expect(sentRelease(replay)).toBe(false);
  });

  it('the technician’s station lets go of the lock it took by reading, so the supervisor’s editor shows the form (21d, 21h, 21i)', async () => {
    const { portal, replay } = portalFor(
      apiFailsFor(40),
      exchange('21d-tech-editor-occid40-takes-lock'),
      // The image tab answers the same to both users (rec. 21g).
      exchange('21g-admin-imagetab-occid40-while-locked'),
      exchange('21h-tech-editor-occid-minus1-releases-lock'),
    );
    const record = await portal.readRecord(40);
    expect(record?.catalogNumber).toBe('DEMO0001239');
    await released(replay);
    replay.assertAllUsed();
    const after = parseHtml(exchange('21i-admin-editor-occid40-after-release').response.body);
    expect(after.querySelector('form#fullform')).not.toBeNull();
    expect(isLockedByAnotherEditor(after, 40)).toBe(false);
  });

  it('knows the lock page by its link to the read-only display, in any language (21k, 21l)', () => {
    const open = parseHtml(exchange('21k-es-tech-editor-occid39-takes-lock').response.body);
    const locked = parseHtml(exchange('21l-fr-admin-editor-occid39-record-locked').response.body);
    expect(isLockedByAnotherEditor(open, 39)).toBe(false);
    expect(isLockedByAnotherEditor(locked, 39)).toBe(true);
  });

  it('a save on a record another editor holds is applied; the page shows the lock, so the record is read again (20g)', async () => {
    const before = {
      ...exchange('07c-api-occurrence-34-skeletal'),
      request: {
        method: 'GET',
        path: '/api/v2/occurrence/40',
        query: [['includeMedia', '1']] as [string, string][],
        form: [],
      },
    };
    const body = (catalogNumber: string) =>
      JSON.stringify(
        (JSON.parse(before.response.body) as Record<string, unknown>[]).map((r) => ({
          ...r,
          occid: 40,
          catalogNumber,
        })),
      );
    const { portal, replay } = portalFor(
      { ...before, name: 'record 40 unbarcoded', response: { ...before.response, body: body('') } },
      {
        ...exchange('08b-d1-dupequerycatnum-DEMO0009001-unused'),
        request: {
          method: 'POST',
          path: '/collections/editor/rpc/dupequerycatnum.php',
          query: [],
          form: [
            ['catnum', 'DEMO0009040'],
            ['collid', '1'],
            ['occid', '40'],
          ],
        },
      },
      exchange('20g-lock-admin-saves-40-locked-by-tech'),
      {
        ...before,
        name: 'record 40 after the save',
        response: { ...before.response, body: body('DEMO0009040') },
      },
    );
    const saved = await portal.setCatalogNumber(1, 40, 'DEMO0009040');
    expect(saved.record.catalogNumber).toBe('DEMO0009040');
    // The save's page met tech's lock, so admin holds none (PROTOCOL §7.6): there is nothing to let go of.
    await new Promise((resolve) => setTimeout(resolve, 2 * (QUIET_AFTER_WRITE_MS + LOCK_RELEASE_DELAY_MS)));
    replay.assertAllUsed();
    expect(sentRelease(replay)).toBe(false);
  });

  it('a link, an accession and an escalation each let go of the lock their save took, after a quiet spell; a merge takes none (26a–26r)', async () => {
    const link = portalFor(
      exchange('26a-api-occurrence-1'),
      exchange('26b-d1-dupequerycatnum-DEMO0009001-unused'),
      // The save's answer page locks record 1 for tech (26-locks-after-writes-sql, after 26c) …
      exchange('26c-w1-save-occid1-catalognumber'),
      // … and record -1 lets go of it (after 26d: no lock on a real record).
      exchange('26d-editor-occid-minus1-releases-lock'),
    );
    expect((await link.portal.setCatalogNumber(1, 1, 'DEMO0009001')).record.catalogNumber).toBe(
      'DEMO0009001',
    );
    await released(link.replay);
    link.replay.assertAllUsed();

    const accession = portalFor(
      exchange('26e-api-occurrence-32-skeletal'),
      // The old column, which API v2 hides, is checked on the record's row before adding a number.
      exchange('26f-table-occid32-skeletal'),
      exchange('26g-w1-save-occid32-identifier-5120'),
      exchange('26h-editor-occid-minus1-releases-lock'),
    );
    const added = await accession.portal.addAccession(1, 32, '5120');
    expect(added.record.identifiers.map((i) => i.value)).toEqual(['5120']);
    await released(accession.replay);
    accession.replay.assertAllUsed();

    const escalation = portalFor(
      exchange('26i-d1-dupequerycatnum-DEMO0009101-unused'),
      exchange('26j-add-record-expert-required'),
      exchange('26k-editor-occid-minus1-releases-lock'),
      exchange('26l-individual-add-comment-new-record'),
    );
    const created = await escalation.portal.createRecord(1, 'DEMO0009101', 'expert required', 'tech');
    expect(created.record).toMatchObject({ occid: 42, processingStatus: 'expert required' });
    await released(escalation.replay);
    await escalation.portal.addComment(42, 'Linking escalation: test');
    escalation.replay.assertAllUsed();

    const merge = portalFor(
      exchange('26m-api-occurrence-34-skeletal'),
      exchange('26n-api-occurrence-2-legacy'),
      exchange('26o-d3-getassocimgcnt-occid2'),
      exchange('26p-w2-merge-34-into-2'),
      exchange('26q-api-occurrence-34-after-merge-404'),
      exchange('26r-api-occurrence-2-after-merge'),
    );
    const { merged } = await merge.portal.mergeSkeletalIntoLegacy(1, 34, 2);
    expect(merged).toMatchObject({ occid: 2, catalogNumber: 'DEMO0001233' });
    // The merge page takes no lock (after 26p), so there is none to let go of.
    await new Promise((resolve) => setTimeout(resolve, 2 * (QUIET_AFTER_WRITE_MS + LOCK_RELEASE_DELAY_MS)));
    merge.replay.assertAllUsed();
    expect(sentRelease(merge.replay)).toBe(false);
  });

  it('finds no row for a record number the collection does not have (21c)', () => {
    const page = parseRecordTable(parseHtml(exchange('21c-table-occid999999-none').response.body));
    expect(page).toMatchObject({ records: [], total: 0 });
  });
});

describe('the edit lock during a run of links (the fake portal, which keeps locks as getLock does)', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  it('holds one record at a time, moved by each save, and lets go of the last once the station is quiet: no request per link for it', async () => {
    const QUIET_MS = 1500;
    const started = startFakePortal({ loggedInAs: 'tech', adapter: { lockQuietAfterWriteMs: QUIET_MS } });
    close = started.close;
    const { fake, portal, server } = started;
    let releases = 0;
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).searchParams.get('occid') === '-1') releases += 1;
    });
    const tech = fake.state.users.find((u) => u.login === 'tech')!.uid;
    const [first, second] = fake.state.records
      .filter((r) => r.collid === 1 && !r.fields['catalogNumber'])
      .map((r) => r.occid);
    await portal.setCatalogNumber(1, first!, 'DEMO0009901');
    expect(fake.lockHolder(first!)).toBe(tech);
    await portal.setCatalogNumber(1, second!, 'DEMO0009902');
    // The second save moved tech's one lock (getLock deletes the user's others first, rec. 21h).
    expect(fake.lockHolder(first!)).toBeNull();
    expect(fake.lockHolder(second!)).toBe(tech);
    expect(releases).toBe(0);
    await vi.waitFor(() => expect(fake.lockHolder(second!)).toBeNull(), { timeout: QUIET_MS + 3000 });
    expect(releases).toBe(1);
  });
});
