import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './drivers/screen-checks';
import { DemoStation } from './drivers/demo-station';

/**
 * The stamp profile screen in Chromium with the real readers, keyboard only: a supervisor boxes the stamp on
 * three demo sheets, keeps the profile, exports it, resets it and imports the file again; no axe violation
 * on the way.
 */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('calibrated with the keyboard on three sheets, exported, reset and imported again', async ({ page }) => {
  test.setTimeout(180_000);
  const station = new DemoStation(page);
  await station.open();
  await station.logIn('tech');
  await expect(page.getByText('Logged in as')).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Stamp profile' })).toBeVisible();
  await expect(page.getByText('No profile: the station searches the whole sheet, in any ink.')).toBeVisible();
  await expectAccessible(page, 'stamp profile, none yet');

  await tabTo(page, page.getByRole('button', { name: 'Start calibrating' }));
  await page.keyboard.press('Enter');
  for (const [i, barcode] of ['DEMO0001231', 'DEMO0001232', 'DEMO0001233'].entries()) {
    const area = page.getByRole('application', { name: `Sheet ${barcode}: draw a box round the stamp` });
    await expect(area).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(() => area.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await tabTo(page, area);
    // The demo's stamps sit at the top right: the box starts in the middle and is moved there.
    await press(page, 'ArrowRight', 35);
    await press(page, 'ArrowUp', 36);
    await expect(
      page.getByText(/The box runs from 75 % to 95 % across the sheet and from 9 % to 19 % down\./),
    ).toBeVisible();
    if (i === 0) await expectAccessible(page, 'calibration, a box drawn');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByText(/Learned from 3 sheets\./)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('violet')).toBeVisible();
  await expectAccessible(page, 'calibration, profile learned');
  await tabTo(page, page.getByRole('button', { name: 'Keep this profile' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/upright sheets: the top right of the sheet/)).toBeVisible();

  const download = page.waitForEvent('download');
  await tabTo(page, page.getByRole('button', { name: 'Export the profile' }));
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { version: number; sheets: number };
  expect(exported).toMatchObject({ version: 1, sheets: 3, collectionId: 1, ink: { neutral: false } });

  await tabTo(page, page.getByRole('button', { name: 'Reset to the defaults' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('No profile: the station searches the whole sheet, in any ink.')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByRole('button', { name: 'Import a profile…' }));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await expect(page.getByText(/this station now reads stamps with it\./)).toBeVisible();
  await expect(page.getByText(/upright sheets: the top right of the sheet/)).toBeVisible();
  await expectAccessible(page, 'stamp profile imported');
});
