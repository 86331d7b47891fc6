import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

test('a technician opens the demo, logs in and sees the collection', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await station.logIn('tech');
  await expect(page.getByText('Demo Herbarium - Vascular Plants (DEMO:VP)')).toBeVisible();
  await expect(page.getByText('Logged in as')).toContainText('tech');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(page.getByText('Demo portal')).toBeVisible();
});

test('a wrong password gets a clear message and no access', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await station.logIn('tech', 'wrong');
  await expect(page.getByRole('alert')).toContainText('username or password was incorrect');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
});

test('a user without rights is told so, and the portal session survives a reload', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await station.logIn('viewer');
  await expect(page.getByRole('heading', { name: 'No editor rights' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No editor rights' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('viewer is logged in but may not edit');
});

test('the demo portal keeps its data over a reload until "Reset demo data"', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await station.logIn('tech');
  await expect(page.getByText('Logged in as')).toBeVisible();
  // A change made in the demo portal's database, as a link would make it.
  await page.evaluate(() => {
    const portal = window.__demoPortal!;
    portal.record(1)!.fields['catalogNumber'] = 'DEMO0009001';
    portal.changed();
  });
  await page.reload();
  await expect(page.getByText('Logged in as')).toBeVisible();
  expect(await station.portalRecordField(1, 'catalogNumber')).toBe('DEMO0009001');
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await expect(page.getByRole('heading', { name: /Log in to the portal/ })).toBeVisible();
  expect(await station.portalRecordField(1, 'catalogNumber')).toBeNull();
});

test('on the demo portal (at the web root, like the recorded one) a second user in the same browser is not let in under the first one', async ({
  page,
}) => {
  const station = new DemoStation(page);
  await station.startImaging();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText("The portal's editor pages are still logged in as tech")).toBeVisible();
  await station.logIn('curator');
  await expect(page.getByRole('heading', { name: 'The portal still has tech logged in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
});
