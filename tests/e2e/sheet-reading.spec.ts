import { expect, test } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

/**
 * Option 2 reads the stamp for the technician, in the browser's workers, with everything served by the app
 * itself: a legible stamp costs one key (Enter), and no request leaves the app's origin.
 */
test('a legible stamp is proposed, selected, accepted with Enter, and nothing is fetched from elsewhere', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      new URL(url).origin !== new URL(baseURL!).origin
    )
      elsewhere.push(url);
  });
  const station = new DemoStation(page);
  await station.startUnprocessed();
  await station.expectSheet('DEMO0001231');
  const field = station.accessionField();
  await expect(field).toHaveValue('5120', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Read from the stamp: 5120' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'The stamp as read from the sheet' })).toBeVisible();
  // Selected: Enter accepts it.
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([
    0, 4,
  ]);
  await page.keyboard.press('Enter');
  await station.expectSheet('DEMO0001232');
  await expect
    .poll(() => station.portalRecord(36), { timeout: 10_000 })
    .toMatchObject({ accessions: ['5120'] });
  // The next sheet was read meanwhile: its proposal is there.
  await expect(field).toHaveValue('4488', { timeout: 20_000 });
  // Typing replaces a proposal.
  await page.keyboard.type('7');
  await expect(field).toHaveValue('7');
  expect(elsewhere).toEqual([]);
});
