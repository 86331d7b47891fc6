import { describe, expect, it, vi } from 'vitest';
import { isLockedByAnotherEditor } from '../../src/portal/symbiota/editor-record';
import { parseHtml, parseRecordTable } from '../../src/portal/symbiota/html';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { exchange, RECORDED_PORTAL, replay, type Exchange } from './recordings';

/**
 * Opening a record in the portal's editor locks it against every other editor for 15 minutes (recorded
 * INDEX §21, 3.4.14 with stamps only in the old column and no API v2 in use). The station reads records
 * there only where API v2 cannot serve it, reads a record someone else holds without the editor, and lets
 * go of its own lock at once.
 */
const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: r.fetch }), replay: r };
};
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
      exchange('21h-tech-editor-occid-minus1-releases-lock'),
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
    await released(replay);
    replay.assertAllUsed();
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
    replay.assertAllUsed();
  });

  it('finds no row for a record number the collection does not have (21c)', () => {
    const page = parseRecordTable(parseHtml(exchange('21c-table-occid999999-none').response.body));
    expect(page).toMatchObject({ records: [], total: 0 });
  });
});
