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
