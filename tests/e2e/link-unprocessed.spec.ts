import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

// The demo queue in barcode order: 36 DEMO0001231 (stamp 5120), 38 …1232 (4488), 33 …1233 (233),
// 34 …1234 (1499, duplicate of 1), 41 …1235 (145, duplicate of 0145 = 2), 35 …1236 (6001),
// 32 …1237 (612 → 8), 39 …1238 (no stamp), 37 …1239 (452 → 0452 = 7), 40 …1240 (981 → 00981 = 14).

test.describe('Option 2 on the demo portal, keyboard only', () => {
  let station: DemoStation;
  test.beforeEach(async ({ page }) => {
    station = new DemoStation(page);
    await station.startUnprocessed();
    await station.expectSheet('DEMO0001231');
  });

  test('no duplicate: the accession is saved and the next sheet shows', async ({ page }) => {
    await expect(page.getByText('1 of 10 left')).toBeVisible();
    await station.enterAccession('5120');
    await station.expectSheet('DEMO0001232');
    await station.expectSessionRow('DEMO0001231', 'Linked');
    // The status line says so too, not "Saving…" any longer (within the assertion's 5 s).
    await expect(station.notice()).not.toContainText('Saving');
    await expect(station.notice()).toContainText('DEMO0001231');
    expect(await station.portalRecord(36)).toMatchObject({
      catalogNumber: 'DEMO0001231',
      status: 'unprocessed',
      accessions: ['5120'],
      edits: [['omoccuridentifiers', '', '5120']],
    });
  });

  test('one duplicate without image or barcode: compare, merge, status put back', async ({ page }) => {
    for (const barcode of ['DEMO0001232', 'DEMO0001233', 'DEMO0001234']) {
      await page.keyboard.press('F4');
      await station.expectSheet(barcode);
    }
    await station.enterAccession('1499');
    await expect(page.getByRole('heading', { name: /Record 1 already holds accession 1499/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Merge preview' })).toContainText(
      'Merging moves the barcode DEMO0001234 and the sheet image to record 1',
    );
    await page.keyboard.press('m');
    await expect(page.getByRole('heading', { name: 'Merged into record 1' })).toBeVisible();
    expect(await station.portalRecord(34)).toBeNull();
    expect(await station.portalRecord(1)).toMatchObject({
      catalogNumber: 'DEMO0001234',
      status: null,
      accessions: ['1499'],
      media: [3],
      edits: [['processingstatus', 'unprocessed', '']],
    });
    // Both writes of the task are journalled: the merge (the portal logs none) and the status put back.
    await expect
      .poll(async () => (await station.journal()).map((e) => [e.action, e.occid, e.outcome]))
      .toEqual([
        ['merge', 1, 'done'],
        ['status', 1, 'done'],
      ]);
    await page.keyboard.press('Enter');
    await station.expectSheet('DEMO0001235');
  });

  test('a duplicate stored with a leading zero is found: 145 → 0145', async ({ page }) => {
    for (const barcode of ['DEMO0001232', 'DEMO0001233', 'DEMO0001234', 'DEMO0001235']) {
      await page.keyboard.press('F4');
      await station.expectSheet(barcode);
    }
    await station.enterAccession('145');
    await expect(page.getByRole('heading', { name: /Record 2 already holds accession 145/ })).toBeVisible();
    await expect(
      page.getByText(/Checked 145, 0145, 00145, 000145: record 2 \(0145\) holds it/),
    ).toBeVisible();
  });

  test('duplicate that already has an image: Expert Required with the reason, next sheet', async () => {
    await station.enterAccession('2310');
    await station.expectSheet('DEMO0001232');
    await station.expectSessionRow('DEMO0001231', 'Escalated');
    expect(await station.portalRecord(36)).toMatchObject({
      status: 'expert required',
      accessions: ['2310'],
      comments: [
        '[Specimen Linker] Expert required (duplicate-has-image) — duplicate already has an image (candidates: 2310, record 3) — stamp 2310',
      ],
    });
    expect(await station.portalRecord(3)).toMatchObject({ catalogNumber: null, edits: [] });
  });

  test('duplicate that already has a barcode: Expert Required', async () => {
    await station.enterAccession('1500');
    await station.expectSheet('DEMO0001232');
    await station.expectSessionRow('DEMO0001231', 'Escalated');
    expect(await station.portalRecord(36)).toMatchObject({
      status: 'expert required',
      accessions: ['1500'],
      comments: [
        '[Specimen Linker] Expert required (duplicate-has-barcode) — duplicate already has a barcode (candidates: 1500, DEMO0001241, record 6) — stamp 1500',
      ],
    });
  });

  test('no stamp on the sheet: F8 marks it Expert Required', async ({ page }) => {
    await page.keyboard.press('F8');
    await station.expectSheet('DEMO0001232');
    await station.expectSessionRow('DEMO0001231', 'Escalated');
    expect(await station.portalRecord(36)).toMatchObject({
      status: 'expert required',
      accessions: [],
      comments: ['[Specimen Linker] Expert required (no-stamp) — no stamp on the sheet'],
      edits: [['processingstatus', 'unprocessed', 'expert required']],
    });
  });

  test('data disagree in the compare view: X sends it to an expert with a note', async ({ page }) => {
    for (const barcode of ['DEMO0001232', 'DEMO0001233', 'DEMO0001234']) {
      await page.keyboard.press('F4');
      await station.expectSheet(barcode);
    }
    await station.enterAccession('1499');
    await expect(page.getByRole('heading', { name: /Record 1 already holds/ })).toBeVisible();
    await page.keyboard.press('x');
    // Why is the technician's to say: the reason list comes first, with nothing chosen.
    const reason = page.getByRole('combobox', { name: 'Reason' });
    await expect(reason).toBeFocused();
    await reason.selectOption('data-mismatch');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Note for the supervisor')).toBeFocused();
    await page.keyboard.type('label says Helianthus, record says Penstemon');
    await page.keyboard.press('Enter');
    await station.expectSheet('DEMO0001235');
    await station.expectSessionRow('DEMO0001234', 'Escalated');
    expect(await station.portalRecord(34)).toMatchObject({
      status: 'expert required',
      accessions: ['1499'],
      comments: [
        '[Specimen Linker] Expert required (data-mismatch) — record data do not match the sheet (candidates: 1499, record 1) — stamp 1499; label says Helianthus, record says Penstemon',
      ],
    });
    expect(await station.portalRecord(1)).toMatchObject({ catalogNumber: null, edits: [] });
  });

  test('the queue resumes where the technician left off after a reload', async ({ page }) => {
    await page.keyboard.press('F4');
    await station.expectSheet('DEMO0001232');
    await station.enterAccession('4488');
    await station.expectSheet('DEMO0001233');
    await station.expectSessionRow('DEMO0001232', 'Linked');
    await page.reload();
    await station.expectSheet('DEMO0001233');
    await expect(page.getByText('2 of 9 left')).toBeVisible();
  });

  test('the viewer zooms to the stamp with F2 and remembers the region for the next sheet', async ({
    page,
  }) => {
    await page.keyboard.press('F2');
    // Let the zoom to the stamp finish, as a person would, before zooming further.
    await page.waitForTimeout(400);
    await page.keyboard.press('PageUp');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('specimen-linker.stamp-region.v1')))
      .not.toBeNull();
    const region = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('specimen-linker.stamp-region.v1')))!,
    ) as { x: number; y: number; width: number; height: number };
    // The stamp sits top right on the demo sheets: the remembered region is centred there and zoomed in.
    expect(region.x + region.width / 2).toBeGreaterThan(0.6);
    expect(region.y + region.height / 2).toBeLessThan(0.3);
    expect(region.width).toBeLessThan(0.5);
    await page.keyboard.press('F4');
    await station.expectSheet('DEMO0001232');
    // The next sheet opens on the remembered region, not the whole sheet.
    await expect
      .poll(async () => {
        const view = await page.getByRole('figure', { name: 'Sheet DEMO0001232' }).getAttribute('data-view');
        const [x = 0, y = 0, w = 1, h = 1] = (view ?? '').split(' ').map(Number);
        return (
          Math.abs(x + w / 2 - (region.x + region.width / 2)) < 0.05 &&
          Math.abs(y + h / 2 - (region.y + region.height / 2)) < 0.05 &&
          w < 0.6
        );
      })
      .toBe(true);
  });

  test('an image that fails to load gets a clear placeholder and the record can still be handled', async ({
    page,
  }) => {
    await page.evaluate(() => {
      const portal = window.__demoPortal!;
      for (const m of portal.state.media.filter((x) => x.occid === 38)) {
        m.url = 'imglib/missing/nothing.jpg';
        m.originalUrl = 'imglib/missing/nothing.jpg';
      }
      portal.changed();
    });
    await page.keyboard.press('F4');
    await expect(page.getByRole('alert')).toContainText('The image could not be loaded');
    await expect(station.accessionField()).toBeFocused();
    await station.enterAccession('4488');
    await station.expectSessionRow('DEMO0001232', 'Linked');
  });
});
