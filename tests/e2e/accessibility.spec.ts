import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';
import { expectAccessible } from './drivers/screen-checks';

/** WCAG 2.1 A and AA, as axe-core checks them, on every screen and its main states: no violation. */
test('the login screen', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await expectAccessible(page, 'login');
});

test('Option 1: find, several results, record card, scan, escalation, session list', async ({ page }) => {
  const station = new DemoStation(page);
  await station.startImaging();
  await expectAccessible(page, 'Option 1 find');
  await station.searchWithoutStamp('Smith', '', '14 Jul 1961');
  await expect(page.getByRole('heading', { name: '2 records answer this search' })).toBeVisible();
  await expectAccessible(page, 'Option 1 several results');
  await page.keyboard.press('Enter');
  await station.expectRecordCard(1);
  await expectAccessible(page, 'Option 1 record card');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Barcode', { exact: true })).toBeFocused();
  await expectAccessible(page, 'Option 1 scan step');
  await station.scan('DEMO0009001');
  await station.expectSessionRow('DEMO0009001', 'Linked');
  await page.keyboard.press('Alt+N');
  await expect(station.stampField()).toBeFocused();
  await station.typeStamp('9999');
  await expect(page.getByRole('heading', { name: 'No record found' })).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { name: /Escalate/ })).toBeVisible();
  await expectAccessible(page, 'Option 1 escalation form and session list');
});

test('Option 2: the sheet, and the merge preview', async ({ page }) => {
  const station = new DemoStation(page);
  await station.startUnprocessed();
  await station.expectSheet('DEMO0001231');
  await expectAccessible(page, 'Option 2 sheet');
  for (let i = 0; i < 3; i++) await page.keyboard.press('F4');
  await station.expectSheet('DEMO0001234');
  await station.enterAccession('1499');
  await expect(page.getByRole('region', { name: 'Merge preview' })).toBeVisible();
  await expectAccessible(page, 'Option 2 merge preview');
});

test('Review: the case list and a case; the Journal; the portal check', async ({ page }) => {
  const station = new DemoStation(page);
  await station.startUnprocessed();
  // The technician also administers the collection here, so Review opens cases (README, Review).
  await page.evaluate(() => window.__demoPortal!.grant('tech', 'CollAdmin', 1));
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '0 cases waiting for a supervisor' })).toBeVisible();
  await expectAccessible(page, 'Review with no case');
  await page.keyboard.press('Alt+2');
  await station.expectSheet('DEMO0001231');
  await station.enterAccession('2310');
  await station.expectSheet('DEMO0001232');
  await expect(page.getByRole('region', { name: /This session/ })).toContainText('Escalated');
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: /1 case waiting/ })).toBeVisible();
  await expectAccessible(page, 'Review case list');
  await page.getByRole('listbox', { name: 'Cases' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: /Case record/ })).toBeVisible();
  await expectAccessible(page, 'Review case');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: /journal/i }).first()).toBeVisible();
  await expectAccessible(page, 'Journal');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: /Check this portal/ }).first()).toBeVisible();
  await expectAccessible(page, 'portal check');
});

test('the login-again dialog and the outbox while offline', async ({ page, context }) => {
  const station = new DemoStation(page);
  await station.startImaging();
  await station.typeStamp('1499');
  await station.expectRecordCard(1);
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.__demoPortal!.injectFault('end-session'));
  await station.scan('DEMO0009001');
  await expect(page.getByRole('dialog', { name: 'Your portal session has ended' })).toBeVisible();
  await expectAccessible(page, 'login-again dialog');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await station.expectSessionRow('DEMO0009001', 'Linked');
  await context.setOffline(true);
  await expect(page.getByRole('region', { name: 'Outbox' })).toContainText('Offline');
  await expectAccessible(page, 'offline outbox bar');
  await context.setOffline(false);
});
