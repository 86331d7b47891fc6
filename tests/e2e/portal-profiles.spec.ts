import { expect, test } from '@playwright/test';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import { DemoStation } from './drivers/demo-station';

/**
 * The main flows of the three screens against every kind of portal the fake plays (issue: portals differ):
 * key set or empty, stamps in the identifiers table or only in the old column, at the root or under a
 * path, API v2 routed or not. A change that works on one kind of portal only fails here.
 */
for (const profile of Object.values(PORTAL_PROFILES)) {
  test(`on a portal "${profile.name}" (${profile.label}): Option 2, Option 1 and Review work and the portal holds the right values`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    // The technician chose English on this station, whatever language the portal answers in (the station in
    // the portal's language is tests/e2e/languages.spec.ts and the portal-check component tests).
    await page.addInitScript(() => localStorage.setItem('specimen-linker.language', 'en'));
    const station = new DemoStation(page);
    await station.startUnprocessed(profile.name);
    const badge = page.getByRole('note').filter({ hasText: 'Demo portal' });
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('title', `Demo portal (${profile.label})`);
    await station.expectSheet('DEMO0001231');

    // The portal check says how this portal differs, and writes nothing.
    const editsBefore = await page.evaluate(() => window.__demoPortal!.state.edits.length);
    await page.keyboard.press('Alt+5');
    await expect(page.getByRole('heading', { name: 'Check this portal' })).toBeVisible();
    const results = page.getByRole('table', { name: 'What the station uses on this portal' });
    await expect(results.getByRole('row', { name: /Login and editor rights/ })).toContainText('Works');
    await expect(results.getByRole('row', { name: /Duplicate checks/ })).toContainText('Works');
    if (!profile.apiV2) {
      await expect(results.getByRole('row', { name: /through API v2/ })).toContainText('not routed');
      await expect(results.getByRole('row', { name: /through the editor pages/ })).toContainText('Works');
      await expect(page.getByRole('status').filter({ hasText: 'read from the portal' })).toBeVisible();
    } else if (!profile.securityKey && profile.rootPath === '') {
      await expect(results.getByRole('row', { name: /with the login cookie/ })).toContainText(
        '$SECURITY_KEY',
      );
    }
    if (profile.legacyStamps === 'column' && profile.apiV2) {
      await expect(results.getByRole('row', { name: /legacy stamps/ })).toContainText(
        'old Other Catalog Numbers column',
      );
    }
    expect(await page.evaluate(() => window.__demoPortal!.state.edits.length)).toBe(editsBefore);
    await page.keyboard.press('Alt+2');
    await station.expectSheet('DEMO0001231');

    // Option 2, no duplicate: the accession is saved as an identifier (rec. 09b).
    await station.enterAccession('5120');
    await station.expectSheet('DEMO0001232');
    await station.expectSessionRow('DEMO0001231', 'Linked');
    expect(await station.portalRecord(36)).toMatchObject({
      accessions: ['5120'],
      edits: [['omoccuridentifiers', '', '5120']],
    });

    // Option 2, one duplicate without image or barcode: merge (rec. 10a), wherever the stamp 1499 is kept.
    for (const barcode of ['DEMO0001233', 'DEMO0001234']) {
      await page.keyboard.press('F4');
      await station.expectSheet(barcode);
    }
    await station.enterAccession('1499');
    await expect(page.getByRole('heading', { name: /Record 1 already holds accession 1499/ })).toBeVisible();
    await page.keyboard.press('m');
    await expect(page.getByRole('heading', { name: 'Merged into record 1' })).toBeVisible();
    expect(await station.portalRecord(34)).toBeNull();
    expect(await station.portalRecord(1)).toMatchObject({
      catalogNumber: 'DEMO0001234',
      accessions: ['1499'],
      media: [3],
    });
    await page.keyboard.press('Enter');
    await station.expectSheet('DEMO0001235');

    // Option 2, no stamp: F8 sends it to a supervisor.
    await page.keyboard.press('F8');
    await station.expectSheet('DEMO0001236');
    // The save runs in the background while the next sheet is shown (docs/decisions/006).
    await expect.poll(() => station.portalRecord(41)).toMatchObject({ status: 'expert required' });

    // The PHP session times out while the remember-me cookie lives on (rec. 14f): the station goes on.
    await page.evaluate(() => window.__demoPortal!.expirePhpSession());

    // Option 1: stamp 0452 (typed 452), check, scan.
    await page.keyboard.press('Alt+1');
    await expect(station.stampField()).toBeFocused();
    await station.typeStamp('452');
    await station.expectRecordCard(7);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009007');
    await station.expectSessionRow('DEMO0009007', 'Linked');
    expect(await station.portalRecord(7)).toMatchObject({
      catalogNumber: 'DEMO0009007',
      edits: [['catalognumber', '', 'DEMO0009007']],
    });

    // Review: the supervisor, at another station on the same portal, marks the no-stamp case reviewed.
    const supervisor = await station.atAnotherStation();
    const supervisorPage = supervisor.page;
    await supervisor.logIn('curator');
    await expect(supervisorPage.getByText('Logged in as')).toBeVisible();
    await supervisorPage.keyboard.press('Alt+3');
    const cases = supervisorPage.getByRole('listbox', { name: 'Cases' });
    await expect(cases.getByRole('option', { name: /DEMO0001235/ })).toContainText('no stamp');
    await cases.focus();
    await supervisorPage.keyboard.press('Enter');
    await expect(supervisorPage.getByRole('article', { name: 'Case record' })).toBeVisible();
    await supervisorPage.keyboard.press('r');
    await expect(supervisorPage.getByText(/DEMO0001235: Resolved: marked reviewed/)).toBeVisible();
    expect(await supervisor.portalRecord(41)).toMatchObject({ status: 'reviewed' });
  });
}
