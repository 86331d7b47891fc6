import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

test.describe('Option 1 on the demo portal, keyboard only', () => {
  let station: DemoStation;
  test.beforeEach(async ({ page }) => {
    station = new DemoStation(page);
    await station.startImaging();
  });

  test('stamped hit: 1499, Enter, scan', async ({ page }) => {
    await station.typeStamp('1499');
    await station.expectRecordCard(1);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Barcode', { exact: true })).toBeFocused();
    await station.scan('DEMO0009001');
    await station.expectSessionRow('DEMO0009001', 'Linked');
    await expect(station.notice()).toContainText('DEMO0009001 → accession 1499, J. Smith 212');
    await expect(station.stampField()).toBeFocused();
    expect(await station.portalRecordField(1, 'catalogNumber')).toBe('DEMO0009001');
    expect(await station.portalEditLog(1)).toEqual([['catalognumber', '', 'DEMO0009001']]);
  });

  test('stamped hit stored with a leading zero: 145 finds 0145', async ({ page }) => {
    await station.typeStamp('145');
    await station.expectRecordCard(2);
    await expect(station.notice()).toContainText('Searched 145, 0145, 00145, 000145 — found 1 record: 0145');
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009002');
    await station.expectSessionRow('DEMO0009002', 'Linked');
    expect(await station.portalRecordField(2, 'catalogNumber')).toBe('DEMO0009002');
    expect(await station.portalEditLog(2)).toEqual([['catalognumber', '', 'DEMO0009002']]);
  });

  test('no-stamp hit: collector, number and label date', async ({ page }) => {
    await station.searchWithoutStamp('Darrow', '1311', '10/19/1959');
    await station.expectRecordCard(9);
    await expect(page.getByText('matches the sheet', { exact: true })).toHaveCount(3);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009003');
    await station.expectSessionRow('DEMO0009003', 'Linked');
    expect(await station.portalRecordField(9, 'catalogNumber')).toBe('DEMO0009003');
    expect(await station.portalEditLog(9)).toEqual([['catalognumber', '', 'DEMO0009003']]);
  });

  test('several results: pick with the arrow keys', async ({ page }) => {
    await station.searchWithoutStamp('Smith', '', '14 Jul 1961');
    await expect(page.getByRole('heading', { name: '2 records answer this search' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await station.expectRecordCard(1);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009004');
    await station.expectSessionRow('DEMO0009004', 'Linked');
    expect(await station.portalRecordField(1, 'catalogNumber')).toBe('DEMO0009004');
    expect(await station.portalRecordField(6, 'catalogNumber')).toBe('DEMO0001241');
    expect(await station.portalEditLog(6)).toEqual([]);
  });

  test('no result: escalate with the barcode and a note', async ({ page }) => {
    await station.typeStamp('9999');
    await expect(page.getByRole('heading', { name: 'No record found' })).toBeVisible();
    await page.keyboard.press('e');
    await station.scan('DEMO0009100');
    await expect(page.getByLabel('Note for the supervisor')).toBeFocused();
    await page.keyboard.type('stamp faint');
    await page.keyboard.press('Enter');
    await station.expectSessionRow('DEMO0009100', 'Escalated');
    const created = await station.portalRecordByBarcode('DEMO0009100');
    expect(created).toEqual({
      occid: 43,
      status: 'expert required',
      comments: ['[Specimen Linker] Expert required (no-record) — no record found — stamp 9999; stamp faint'],
    });
    expect(await station.portalRecordField(43, 'recordEnteredBy')).toBe('tech');
  });

  test('record already barcoded: no scan step, escalation instead', async ({ page }) => {
    await station.typeStamp('1500');
    await station.expectRecordCard(6);
    await expect(page.getByText(/This record already has barcode/)).toContainText('DEMO0001241');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Barcode', { exact: true })).toHaveCount(0);
    await page.keyboard.press('e');
    await station.scan('DEMO0009101');
    await page.keyboard.press('Enter');
    await station.expectSessionRow('DEMO0009101', 'Escalated');
    expect(await station.portalRecordField(6, 'catalogNumber')).toBe('DEMO0001241');
    expect(await station.portalEditLog(6)).toEqual([]);
    const created = await station.portalRecordByBarcode('DEMO0009101');
    expect(created?.status).toBe('expert required');
    expect(created?.comments[0]).toContain(
      'record already has a barcode (candidates: 1500, DEMO0001241, record 6)',
    );
  });

  test('barcode already used elsewhere: refused by the guarded save, nothing written', async ({ page }) => {
    await station.typeStamp('1499');
    await station.expectRecordCard(1);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0001231');
    await station.expectSessionRow('DEMO0001231', 'Not saved');
    await expect(page.getByRole('row', { name: /DEMO0001231/ }).getByRole('alert')).toContainText(
      'Barcode DEMO0001231 is already on record 36.',
    );
    expect(await station.portalRecordField(1, 'catalogNumber')).toBeNull();
    expect(await station.portalEditLog(1)).toEqual([]);
  });

  test('double scan: the same barcode for the next specimen is caught', async ({ page }) => {
    await station.typeStamp('1499');
    await station.expectRecordCard(1);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009005');
    await station.expectSessionRow('DEMO0009005', 'Linked');
    await station.typeStamp('0145');
    await station.expectRecordCard(2);
    await page.keyboard.press('Enter');
    await station.scan('DEMO0009005');
    await expect(page.getByRole('alert')).toContainText('DEMO0009005 was already scanned for accession 1499');
    expect(await station.portalRecordField(2, 'catalogNumber')).toBeNull();
    expect(await station.portalEditLog(2)).toEqual([]);
    expect(await station.portalEditLog(1)).toEqual([['catalognumber', '', 'DEMO0009005']]);
  });

  test('mismatch: E escalates and keeps the record id and the note', async ({ page }) => {
    await station.typeStamp('149');
    await station.expectRecordCard(11);
    await page.keyboard.press('e');
    const reason = page.getByRole('combobox', { name: 'Reason' });
    await expect(reason).toHaveValue('');
    await station.scan('DEMO0009102');
    await expect(reason).toBeFocused();
    await reason.selectOption('data-mismatch');
    await page.keyboard.press('Enter');
    await page.keyboard.type('label says Brown 35');
    await page.keyboard.press('Enter');
    await station.expectSessionRow('DEMO0009102', 'Escalated');
    const created = await station.portalRecordByBarcode('DEMO0009102');
    expect(created?.status).toBe('expert required');
    expect(created?.comments).toEqual([
      '[Specimen Linker] Expert required (data-mismatch) — record data do not match the sheet (candidates: 149, record 11) — stamp 149; label says Brown 35',
    ]);
    expect(await station.portalRecordField(11, 'catalogNumber')).toBeNull();
    expect(await station.portalEditLog(11)).toEqual([]);
  });
});
