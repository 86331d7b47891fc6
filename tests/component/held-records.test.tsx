import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import { demoState } from '../../src/portal/fake-symbiota/state';
import { messyHerbarium } from '../support/messy-herbarium';
import { ImagingStation } from './drivers/imaging-station';
import { openStation } from './drivers/open-station';

/**
 * Records someone else has open in the portal's editor, on a portal in Portuguese (recorded INDEX §25), on a
 * station whose technician chose English (else it speaks Portuguese with the portal):
 * the station reads them without the editor form, and a record it cannot read is listed as such without
 * holding up the others.
 */
const PORTUGUESE_NO_API = { ...PORTAL_PROFILES.portuguese, name: 'portuguese-no-api', apiV2: false };
const CURATOR = 1;
const TECH = 2;
/** Another user opened the record in the portal's editor a moment ago. */
const heldBy = (
  state: { editLocks?: { occid: number; uid: number; at: string }[] },
  occid: number,
  uid: number,
) => (state.editLocks = [...(state.editLocks ?? []), { occid, uid, at: '2026-11-23 19:00:00' }]);
/** The portal's record page answering for this record as for one it cannot locate (rec. 25v). */
const recordPageWithout = (occid: number) =>
  http.get('*/collections/individual/index.php', ({ request }) =>
    new URL(request.url).searchParams.get('occid') === String(occid)
      ? new HttpResponse(
          '<html><body><div id="popup-innertext"><h2>Unable to locate occurrence record</h2></div></body></html>',
          { headers: { 'Content-Type': 'text/html; charset=UTF-8' } },
        )
      : undefined,
  );

let close = () => undefined as void;
afterEach(() => {
  close();
  window.location.hash = '';
});

describe('records held open in the portal’s editor, on a portal in Portuguese', () => {
  it('Option 1: stamp 612 finds record 8 that the curator has open, and the barcode is linked', async () => {
    // The technician chose English on the station; the portal answers in Portuguese.
    localStorage.setItem('specimen-linker.language', 'en');
    const s = await ImagingStation.open({ profile: PORTAL_PROFILES.portuguese });
    close = () => s.close();
    heldBy(s.fake.state, 8, CURATOR);
    await s.typeStamp('612');
    await s.confirmCard();
    const card = screen.getByRole('article', { name: /Record 8/ });
    expect(card).toHaveTextContent('T. B. Nguyen');
    expect(card).toHaveTextContent('612');
    await s.press('{Enter}');
    await s.scan('DEMO0009008');
    await s.waitForSessionRow('DEMO0009008', /Linked/, 3000);
    expect(s.field(8, 'catalogNumber')).toBe('DEMO0009008');
    // The curator still holds the record; the technician's station holds no lock on any record.
    expect(s.fake.lockHolder(8)).toBe(CURATOR);
    expect((s.fake.state.editLocks ?? []).filter((l) => l.uid === TECH && l.occid > 0)).toEqual([]);
  });

  it('Option 1: of two records with one stamp, the one that cannot be read is listed with why, and cannot be picked', async () => {
    localStorage.setItem('specimen-linker.language', 'en');
    const s = await ImagingStation.open({ profile: PORTUGUESE_NO_API, state: messyHerbarium() });
    close = () => s.close();
    heldBy(s.fake.state, 106, CURATOR);
    s.portal.server.use(recordPageWithout(106));
    await s.typeStamp('8800');
    expect(await screen.findByRole('heading', { name: '2 records answer this search' })).toBeInTheDocument();
    const [chen, baker] = within(screen.getByRole('listbox', { name: 'Records found' })).getAllByRole(
      'option',
    );
    expect(chen).toHaveTextContent('L. Chen 4');
    expect(baker).toHaveTextContent(
      "Record 106 could not be read; it cannot be linked from this list: The portal's record page did not show record 106",
    );
    await s.press('{ArrowDown}');
    await s.press('{Enter}');
    expect(screen.getByRole('heading', { name: '2 records answer this search' })).toBeInTheDocument();
    await s.press('{ArrowUp}');
    await s.press('{Enter}');
    expect(await s.confirmCard()).toBeInTheDocument();
  });

  it('Review without API v2: the case the technician holds is listed, and one that cannot be read says why', async () => {
    const state = demoState();
    const byBarcode = (barcode: string) => state.records.find((r) => r.fields['catalogNumber'] === barcode)!;
    const held = byBarcode('DEMO0001235');
    const unreadable = byBarcode('DEMO0001236');
    for (const r of [held, unreadable]) r.fields['processingStatus'] = 'expert required';
    heldBy(state, held.occid, TECH);
    heldBy(state, unreadable.occid, TECH);
    localStorage.setItem('specimen-linker.language', 'en');
    const { portal, user } = await openStation('#/imaging', 'Link while imaging', {
      profile: PORTUGUESE_NO_API,
      state,
      as: 'curator',
    });
    close = portal.close;
    portal.server.use(recordPageWithout(unreadable.occid));
    await user.keyboard('{Alt>}3{/Alt}');
    expect(
      await screen.findByRole('heading', { name: '2 cases waiting for a supervisor' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const cases = within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option');
    expect(cases.map((c) => c.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DEMO0001235/),
        expect.stringMatching(
          new RegExp(`^record ${unreadable.occid}Record ${unreadable.occid} could not be read`),
        ),
      ]),
    );
    expect(screen.queryByText(/The review queue could not be read/)).not.toBeInTheDocument();
    expect(portal.fake.lockHolder(held.occid)).toBe(TECH);
  });
});

describe('the Review case card on Symbiota 3.1, whose API v2 lists no identifier rows', () => {
  it('shows the accession the technician saved on the case record', async () => {
    const { portal, user } = await openStation('#/imaging', 'Link while imaging', {
      profile: PORTAL_PROFILES['version-3.1'],
      as: 'curator',
    });
    close = portal.close;
    // The technician's escalation from Option 2 (as recorded-3.1 25a): accession 2310 and Expert Required.
    const record = portal.fake.state.records.find((r) => r.fields['catalogNumber'] === 'DEMO0001232')!;
    portal.fake.save({
      occid: record.occid,
      editedFields: ['idvalue', 'processingstatus'],
      posted: [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', '2310'],
        ['processingstatus', 'expert required'],
      ],
    });
    await user.keyboard('{Alt>}3{/Alt}');
    await screen.findByRole('heading', { name: '1 case waiting for a supervisor' });
    await user.keyboard('{Enter}');
    const card = await screen.findByRole('article', { name: 'Case record' });
    expect(card).toHaveTextContent(/Other catalog numbers\s*2310/);
  });
});
