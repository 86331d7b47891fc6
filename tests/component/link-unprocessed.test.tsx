import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbJournal } from '../../src/journal/station-journal';
import { demoState, emptyState } from '../../src/portal/fake-symbiota/state';
import { messyHerbarium } from '../support/messy-herbarium';
import { UnprocessedStation } from './drivers/unprocessed-station';

let station: UnprocessedStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});
const open = async (options: Parameters<typeof UnprocessedStation.open>[0] = {}) =>
  (station = await UnprocessedStation.open(options));

/** An image-only record as a batch upload leaves it. */
function addSkeletal(state: ReturnType<typeof demoState>, occid: number, barcode: string) {
  state.records.push({
    occid,
    collid: 1,
    fields: {
      catalogNumber: barcode,
      otherCatalogNumbers: null,
      processingStatus: 'unprocessed',
      basisOfRecord: 'PreservedSpecimen',
      recordSecurity: '0',
      dateEntered: '2026-11-23 18:45:40',
      dateLastModified: '2026-11-23 18:45:40',
    },
  });
  state.media.push({
    mediaId: state.next.media++,
    occid,
    url: `imglib/DEMO_VP/DEMO0001/${barcode}_med.jpg`,
    thumbnailUrl: `imglib/DEMO_VP/DEMO0001/${barcode}_tn.jpg`,
    originalUrl: `imglib/DEMO_VP/DEMO0001/${barcode}.jpg`,
  });
}

describe('link unprocessed records: the queue', () => {
  it('shows the first sheet with its place in the queue and the image from the portal', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    expect(screen.getByText(/1 of 10 left/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Sheet DEMO0001231' })).toHaveAttribute(
      'src',
      'http://127.0.0.1:8080/portal/imglib/DEMO_VP/DEMO0001/DEMO0001231_med.jpg',
    );
    expect(s.accessionField()).toHaveFocus();
  });

  it('a linked record drops out without making the queue skip or repeat one', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.enterAccession('5120');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Linked/);
    await s.enterAccession('4488');
    await s.sheet('DEMO0001233');
    await s.sessionRow('DEMO0001232', /Linked/);
    expect(s.record(36)).toMatchObject({ accessions: ['5120'], status: 'unprocessed' });
    expect(s.record(38)).toMatchObject({ accessions: ['4488'] });
    expect(await screen.findByText(/1 of 8 left/)).toBeInTheDocument();
  });

  it('skips a record someone else changed meanwhile, and says so', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    s.fake.record(38)!.fields['processingStatus'] = 'stage 1';
    await s.press('{F4}');
    await s.sheet('DEMO0001233');
    expect(s.notice()).toContain(
      'DEMO0001232 was changed in the portal meanwhile (its status is now "Stage 1"); skipped.',
    );
  });

  it('pages through a long queue in pieces, never repeating or skipping a record', async () => {
    const state = emptyState();
    for (let i = 0; i < 30; i++) addSkeletal(state, 500 + i, `DEMO${String(5000 + i).padStart(7, '0')}`);
    const s = await open({ state });
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const barcode = `DEMO${String(5000 + i).padStart(7, '0')}`;
      await s.sheet(barcode);
      seen.push(barcode);
      await s.press('{F4}');
    }
    expect(new Set(seen).size).toBe(30);
    expect(await screen.findByRole('heading', { name: 'Nothing left in the queue' })).toBeInTheDocument();
    // Records left for later come round again.
    await s.user.click(screen.getByRole('button', { name: 'Start again from the first record' }));
    await s.sheet('DEMO0005000');
  });
});

describe('link unprocessed records: entering the accession number', () => {
  it('refuses a letter O and a scanned barcode with the reason, writing nothing', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.enterAccession('51O0');
    expect(s.notice()).toContain('has the letter O where a digit should be. Did you mean 5100?');
    expect(s.accessionField()).toHaveValue('5100');
    await s.user.clear(s.accessionField());
    await s.enterAccession('DEMO0001231');
    expect(s.notice()).toContain('That is a barcode, not the stamped number.');
    expect(s.fake.state.edits).toEqual([]);
  });

  it('F8 marks a sheet without a stamp Expert Required, with the reason as a comment', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.press('{F8}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Escalated/);
    expect(s.record(36)).toMatchObject({
      status: 'expert required',
      accessions: [],
      comments: ['[Specimen Linker] Expert required (no-stamp) — no stamp on the sheet'],
    });
  });

  it('F7 escalates an illegible stamp with a note', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.press('{F7}');
    // The station does not know why: no reason is chosen for the technician, and none is sent unchosen.
    const reason = screen.getByRole('combobox', { name: 'Reason' });
    expect(reason).toHaveValue('');
    expect(reason).toHaveFocus();
    await s.user.keyboard('{Tab}smudged, 51?0{Enter}');
    expect(await screen.findByText('Choose the reason for the supervisor first.')).toBeInTheDocument();
    expect(reason).toHaveFocus();
    expect(s.record(36)?.comments ?? []).toEqual([]);
    await s.user.selectOptions(reason, 'stamp-illegible');
    await s.user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Note for the supervisor' })).toHaveFocus();
    await s.user.keyboard('{Enter}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Escalated/);
    expect(s.record(36)?.comments).toEqual([
      '[Specimen Linker] Expert required (stamp-illegible) — stamp illegible — smudged, 51?0',
    ]);
  });

  it('F7 with a number in the field saves no accession: unchecked, it goes to the supervisor in the note', async () => {
    const s = await open();
    const field = await s.sheet('DEMO0001231');
    await s.user.type(field, '145');
    await s.press('{F7}');
    await s.user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'stamp-illegible');
    await s.user.keyboard('{Enter}{Enter}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Escalated/);
    // Record 2 holds 0145: saving 145 here unchecked would have made a second holder.
    expect(s.record(36)).toMatchObject({
      status: 'expert required',
      accessions: [],
      comments: ['[Specimen Linker] Expert required (stamp-illegible) — stamp illegible — stamp typed: 145'],
    });
  });
});

describe('link unprocessed records: duplicates', () => {
  it('a duplicate with an image goes to an expert in one save, candidate named', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.enterAccession('2310');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Escalated/);
    expect(s.record(36)).toMatchObject({
      status: 'expert required',
      accessions: ['2310'],
      comments: [
        '[Specimen Linker] Expert required (duplicate-has-image) — duplicate already has an image (candidates: 2310, record 3) — stamp 2310',
      ],
    });
    const edits = s.fake.editsOf(36).map((e) => e.fieldName);
    expect(edits.sort()).toEqual(['omoccuridentifiers', 'processingstatus']);
  });

  it('several records holding the number go to an expert with all candidates', async () => {
    const state = messyHerbarium();
    const s = await open({ state });
    await s.sheet('DEMO0001231');
    await s.enterAccession('8800');
    await s.sessionRow('DEMO0001231', /Escalated/);
    expect(s.record(36)?.comments).toEqual([
      '[Specimen Linker] Expert required (several-candidates) — several candidates (candidates: 8800, record 105; 8800, record 106) — stamp 8800',
    ]);
  });

  it('finds a duplicate inside a multi-valued legacy string and offers the compare view', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.sheet('DEMO0001231');
    await s.enterAccession('7001');
    expect(
      await screen.findByRole('heading', { name: /Record 101 already holds accession 7001/ }),
    ).toBeInTheDocument();
    expect(s.notice()).toContain('record 101 (7001; Acc. 12) holds it inside a longer value');
  });

  it('compare view: M merges, the status the merge copied is put back, and the journal keeps both records', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.leaveForLater('DEMO0001232', 'DEMO0001233', 'DEMO0001234');
    await s.enterAccession('1499');
    const preview = await screen.findByRole('region', { name: 'Merge preview' });
    expect(within(preview).getByRole('row', { name: /Collector J. Smith/ })).toBeInTheDocument();
    await s.press('m');
    expect(await screen.findByRole('heading', { name: 'Merged into record 1' })).toBeInTheDocument();
    expect(s.record(34)).toBeNull();
    expect(s.record(1)).toMatchObject({ catalogNumber: 'DEMO0001234', status: null, media: [3] });
    expect(s.fake.editsOf(1).map((e) => [e.fieldName, e.oldValue, e.newValue])).toEqual([
      ['processingstatus', 'unprocessed', ''],
    ]);
    const entry = (await indexedDbJournal().list()).find((e) => e.action === 'merge');
    expect(entry).toMatchObject({ action: 'merge', occid: 1, barcode: 'DEMO0001234', user: 'tech' });
    expect(entry?.mergedRecords?.skeletal.occid).toBe(34);
    expect(entry?.mergedRecords?.legacy.catalogNumber).toBeNull();
    await s.press('{Enter}');
    await s.sheet('DEMO0001235');
  });

  it('gives a merged record the station status when configured, instead of putting the old one back', async () => {
    const s = await open({ config: { linkedStatus: 'stage 1' } });
    await s.sheet('DEMO0001231');
    await s.leaveForLater('DEMO0001232', 'DEMO0001233', 'DEMO0001234');
    await s.enterAccession('1499');
    await screen.findByRole('region', { name: 'Merge preview' });
    await s.press('m');
    await screen.findByRole('heading', { name: 'Merged into record 1' });
    expect(s.record(1)?.status).toBe('stage 1');
  });

  it('a merge the portal refuses leaves both records alone and the technician on the compare view', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    await s.leaveForLater('DEMO0001232', 'DEMO0001233', 'DEMO0001234');
    await s.enterAccession('1499');
    await screen.findByRole('region', { name: 'Merge preview' });
    s.fake.state.users.find((u) => u.login === 'tech')!.collEditor = [];
    await s.press('m');
    await waitFor(() => expect(s.notice()).toContain('Not merged.'));
    expect(screen.getByRole('heading', { name: /Record 1 already holds/ })).toBeInTheDocument();
    expect(s.record(34)).not.toBeNull();
    expect(s.record(1)?.catalogNumber).toBeNull();
  });

  it('a technician who lost editor rights is told before anything is written', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    s.fake.state.users.find((u) => u.login === 'tech')!.collEditor = [];
    await s.enterAccession('5120');
    await waitFor(() =>
      expect(s.notice()).toContain('The duplicate check did not finish. You do not have editor rights'),
    );
    expect(s.accessionField()).toHaveValue('5120');
    expect(s.fake.state.edits).toEqual([]);
  });

  it('a save that does not reach the portal waits in the outbox and goes out by itself', async () => {
    const s = await open();
    await s.sheet('DEMO0001231');
    s.fake.injectFault('server-error');
    await s.enterAccession('5120');
    const row = await s.sessionRow('DEMO0001231', /Saving/);
    expect(await within(row).findByText(/HTTP 500.*Next try in \d+ s/)).toBeInTheDocument();
    expect(s.record(36)?.accessions).toEqual([]);
    await s.sessionRow('DEMO0001231', /Linked/, 6000);
    expect(s.record(36)?.accessions).toEqual(['5120']);
  });
});

it('a queue that cannot be read says why and is read again on request, not in a loop', async () => {
  const { ImagingStation } = await import('./drivers/imaging-station');
  const s = await ImagingStation.open();
  const { http, HttpResponse } = await import('msw');
  let asked = 0;
  s.portal.server.use(
    http.get('*/editor/occurrencetabledisplay.php', () => {
      asked++;
      return HttpResponse.error();
    }),
  );
  await s.press('{Alt>}2{/Alt}');
  expect(await screen.findByRole('button', { name: 'Read the queue again' })).toBeInTheDocument();
  expect(s.notice()).toContain('The queue could not be read. The portal could not be reached.');
  await new Promise((r) => setTimeout(r, 200));
  expect(asked).toBe(1);
  s.portal.server.resetHandlers();
  await s.user.click(screen.getByRole('button', { name: 'Read the queue again' }));
  expect(await screen.findByRole('figure', { name: 'Sheet DEMO0001231' })).toBeInTheDocument();
  s.close();
});

it('an Expert Required whose comment does not get through is shown as escalated, not as a failed save', async () => {
  const s = (station = await UnprocessedStation.open());
  await s.sheet('DEMO0001231');
  const { http, HttpResponse } = await import('msw');
  s.portal.server.use(http.post('*/individual/index.php', () => HttpResponse.error(), { once: true }));
  await s.press('{F8}');
  const row = await s.sessionRow('DEMO0001231', /Escalated/);
  expect(row).toHaveTextContent(/The comment on record 36 is not posted yet: it waits in the outbox/);
  expect(s.record(36)).toMatchObject({ status: 'expert required', comments: [] });
  await waitFor(() => expect(s.record(36)?.comments).toHaveLength(1), { timeout: 6000 });
});
