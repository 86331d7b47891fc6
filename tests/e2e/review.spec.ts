import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

test('a technician escalates in Option 1 and Option 2; a supervisor sees both with their reasons and resolves them', async ({
  page,
}) => {
  const station = new DemoStation(page);
  await station.startImaging();

  // Option 1: nothing answers stamp 9999 → a record for the barcode, Expert Required, reason as a comment.
  await station.typeStamp('9999');
  await expect(page.getByRole('heading', { name: 'No record found' })).toBeVisible();
  await page.keyboard.press('e');
  await station.scan('DEMO0009100');
  await page.keyboard.type('stamp very faint');
  await page.keyboard.press('Enter');
  await station.expectSessionRow('DEMO0009100', 'Escalated');

  // Option 2: stamp 2310 is on a legacy record that already has an image.
  await page.keyboard.press('Alt+2');
  await station.expectSheet('DEMO0001231');
  await station.enterAccession('2310');
  await station.expectSheet('DEMO0001232');
  await station.expectSessionRow('DEMO0001231', 'Escalated');

  // The supervisor at another station: another browser on the same portal (its copy of the demo portal is
  // what the checks below read).
  const supervisor = await station.atAnotherStation();
  const supervisorPage = supervisor.page;
  await supervisor.logIn('curator');
  await expect(supervisorPage.getByText('Logged in as')).toBeVisible();
  await supervisorPage.keyboard.press('Alt+3');
  await expect(
    supervisorPage.getByRole('heading', { name: '2 cases waiting for a supervisor' }),
  ).toBeVisible();
  const cases = supervisorPage.getByRole('listbox', { name: 'Cases' });
  await expect(cases.getByRole('option', { name: /DEMO0009100/ })).toContainText('no record found');
  await expect(cases.getByRole('option', { name: /DEMO0009100/ })).toContainText(
    'stamp 9999; stamp very faint',
  );
  await expect(cases.getByRole('option', { name: /DEMO0001231/ })).toContainText(
    'duplicate already has an image',
  );

  // Open the first case with Enter; resolve each by keyboard.
  await cases.focus();
  for (let round = 0; round < 2; round++) {
    await expect(supervisorPage.getByRole('heading', { name: /cases? waiting for a supervisor/ })).toHaveText(
      `${2 - round} case${round === 1 ? '' : 's'} waiting for a supervisor`,
    );
    await supervisorPage.keyboard.press('Enter');
    const heading = supervisorPage.getByRole('heading', { name: /^Case DEMO/ });
    await expect(heading).toBeVisible();
    if ((await heading.textContent())?.includes('DEMO0009100')) {
      await supervisorPage.keyboard.press('a');
      await expect(supervisorPage.getByLabel('Accession number for this record')).toBeFocused();
      await supervisorPage.keyboard.type('9999');
      await supervisorPage.keyboard.press('Enter');
      await expect(supervisorPage.getByText(/DEMO0009100: Resolved: accession 9999 set/)).toBeVisible();
    } else {
      await expect(supervisorPage.getByText(/No merge: record 3 already has an image/)).toBeVisible();
      await supervisorPage.keyboard.press('r');
      await expect(supervisorPage.getByText(/DEMO0001231: Resolved: marked reviewed/)).toBeVisible();
    }
  }
  await expect(
    supervisorPage.getByRole('heading', { name: '0 cases waiting for a supervisor' }),
  ).toBeVisible();

  const created = await supervisor.portalRecordByBarcode('DEMO0009100');
  // The closing comments follow the resolutions.
  await expect.poll(async () => (await supervisor.portalRecord(created!.occid))?.comments.length).toBe(2);
  await expect.poll(async () => (await supervisor.portalRecord(36))?.comments.length).toBe(2);
  expect(await supervisor.portalRecord(created!.occid)).toMatchObject({
    status: 'reviewed',
    accessions: ['9999'],
    comments: [
      '[Specimen Linker] Expert required (no-record) — no record found — stamp 9999; stamp very faint',
      '[Specimen Linker] Resolved — accession 9999 set, status reviewed — by curator',
    ],
  });
  expect(await supervisor.portalRecord(36)).toMatchObject({
    status: 'reviewed',
    accessions: ['2310'],
    comments: [
      '[Specimen Linker] Expert required (duplicate-has-image) — duplicate already has an image (candidates: 2310, record 3) — stamp 2310',
      '[Specimen Linker] Resolved — marked reviewed — by curator',
    ],
  });
});
