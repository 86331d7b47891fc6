import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

/**
 * "This session" is read from the outbox's tasks: a reload (or a crash) in the middle of a session leaves
 * every screen's rows where they were.
 */
test('the rows of "This session" survive a reload on all three screens', async ({ page }) => {
  const station = new DemoStation(page);
  await station.startImaging();

  // Option 1: stamp 1499 linked to DEMO0009001.
  await station.typeStamp('1499');
  await station.expectRecordCard(1);
  await page.keyboard.press('Enter');
  await station.scan('DEMO0009001');
  await station.expectSessionRow('DEMO0009001', 'Linked');

  // Option 2: stamp 5120 entered on the first sheet.
  await page.keyboard.press('Alt+2');
  await station.expectSheet('DEMO0001231');
  await station.enterAccession('5120');
  await station.expectSheet('DEMO0001232');
  await station.expectSessionRow('DEMO0001231', 'Linked');

  // Review: a case marked reviewed (this technician also administers the collection, so may resolve it).
  await page.evaluate(() => {
    window.__demoPortal!.record(33)!.fields['processingStatus'] = 'expert required';
    window.__demoPortal!.grant('tech', 'CollAdmin', 1);
  });
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '1 case waiting for a supervisor' })).toBeVisible();
  await page.getByRole('listbox', { name: 'Cases' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Case DEMO0001233' })).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByText(/DEMO0001233: Resolved: marked reviewed/)).toBeVisible();
  await station.expectSessionRow('DEMO0001233', 'Resolved');

  await page.reload();
  await expect(page.getByText('Logged in as')).toBeVisible();
  await page.keyboard.press('Alt+3');
  await station.expectSessionRow('DEMO0001233', 'Resolved');
  await page.keyboard.press('Alt+2');
  await station.expectSessionRow('DEMO0001231', 'Linked');
  await page.keyboard.press('Alt+1');
  await station.expectSessionRow('DEMO0009001', 'Linked');
});
