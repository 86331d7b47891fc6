import { expect, test, type Page } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';
import { expectAccessible, expectNoOverflow } from './drivers/screen-checks';

/**
 * What a technician sees without scrolling, at the two window sizes stations have (1366×768 laptops,
 * 1920×1080 screens): the whole first sheet, the whole merge preview, the reason choice; no text cut off or
 * running over; a screenshot of every screen kept under test-results/screens/ for a person to look at.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function keep(page: Page, name: string) {
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: `test-results/screens/${width}-${name}.png` });
}

/** The element is inside the window, all of it. */
async function expectInView(page: Page, what: string, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} is on the screen`).not.toBeNull();
  expect(
    {
      top: box!.y >= -1,
      left: box!.x >= -1,
      bottom: box!.y + box!.height <= height + 1,
      right: box!.x + box!.width <= width + 1,
    },
    `${what} (${JSON.stringify(box)}) fits in ${width}×${height} without scrolling`,
  ).toEqual({ top: true, left: true, bottom: true, right: true });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('login, Option 1 and the escalation form', async ({ page }) => {
      const station = new DemoStation(page);
      await station.open();
      await keep(page, '01-login');
      await expectNoOverflow(page, 'login');
      await station.logIn('tech');
      await expect(page.getByText('Logged in as')).toBeVisible();
      await page.keyboard.press('Alt+1');
      await expect(station.stampField()).toBeFocused();
      await keep(page, '02-option1-find');
      await expectNoOverflow(page, 'Option 1 find');
      await station.typeStamp('1499');
      await station.expectRecordCard(1);
      await keep(page, '03-option1-record');
      await expectNoOverflow(page, 'Option 1 record card');
      await page.keyboard.press('Enter');
      await station.scan('DEMO0009001');
      await station.expectSessionRow('DEMO0009001', 'Linked');
      await keep(page, '04-option1-linked');
      await expectNoOverflow(page, 'Option 1 after a link');
      await station.typeStamp('9999');
      await expect(page.getByRole('heading', { name: 'No record found' })).toBeVisible();
      await page.keyboard.press('e');
      await expect(page.getByRole('heading', { name: /Escalate/ })).toBeVisible();
      const reasons = page
        .getByRole('group', { name: /Reason/ })
        .or(page.getByLabel(/Reason/))
        .first();
      await expectInView(page, 'the reason choice', reasons);
      await keep(page, '05-option1-escalate');
      await expectNoOverflow(page, 'Option 1 escalation form');
    });

    test('Option 2: the whole first sheet, the stamp field, the merge preview', async ({ page }) => {
      const station = new DemoStation(page);
      await station.startUnprocessed();
      await station.expectSheet('DEMO0001231');
      const sheet = page.getByRole('figure', { name: 'Sheet DEMO0001231' });
      await expect(sheet).toHaveAttribute('data-sheet-height', /\d/);
      // The whole sheet is in the viewer (stamp at the top, barcode, label at the bottom) ...
      await expect
        .poll(
          async () => {
            const [x, y, w, h] = (await sheet.getAttribute('data-view'))!.split(' ').map(Number);
            const height = Number(await sheet.getAttribute('data-sheet-height'));
            return x! <= 0.005 && y! <= 0.005 && x! + w! >= 0.995 && y! + h! >= height - 0.005;
          },
          { message: 'the whole first sheet is in the viewer' },
        )
        .toBe(true);
      // ... and the viewer is in the window, with the field beside it.
      await keep(page, '06-option2-first-sheet');
      await expectInView(page, 'the sheet viewer', page.locator('.viewer-canvas'));
      await expectInView(page, 'the stamp field', station.accessionField());
      await expectNoOverflow(page, 'Option 2 first sheet');
      for (let i = 0; i < 3; i++) await page.keyboard.press('F4');
      await station.expectSheet('DEMO0001234');
      await station.enterAccession('1499');
      const preview = page.getByRole('region', { name: 'Merge preview' });
      await expect(preview).toBeVisible();
      await keep(page, '07-option2-merge-preview');
      await expectInView(page, 'the whole merge preview', preview);
      await expectNoOverflow(page, 'Option 2 merge preview');
      await page.keyboard.press('x');
      await expect(page.getByRole('heading', { name: /Expert Required/ })).toBeVisible();
      await expectInView(page, 'the reason choice', page.getByLabel(/Reason/).first());
      await keep(page, '08-option2-escalate');
      await expectNoOverflow(page, 'Option 2 escalation form');
      await expectAccessible(page, 'Option 2 escalation form');
    });

    test('Review, the Journal and the portal check', async ({ page }) => {
      const station = new DemoStation(page);
      await station.open();
      await station.logIn('curator');
      await expect(page.getByText('Logged in as')).toBeVisible();
      await page.keyboard.press('Alt+3');
      await expect(page.getByRole('heading', { name: /cases? waiting/ })).toBeVisible();
      await keep(page, '09-review');
      await expectNoOverflow(page, 'Review');
      await page.keyboard.press('Alt+4');
      await expect(page.getByRole('heading', { name: 'Station journal' })).toBeVisible();
      await keep(page, '10-journal');
      await expectNoOverflow(page, 'Journal');
      await page.keyboard.press('Alt+5');
      await expect(page.getByRole('heading', { name: 'Check this portal' })).toBeVisible();
      await expect(page.locator('.check-results')).toBeVisible();
      await keep(page, '11-portal-check');
      await expectNoOverflow(page, 'portal check');
    });
  });
}

test('keys typed the moment the login is sent are kept for the first field', async ({ page }) => {
  const station = new DemoStation(page);
  await station.open();
  await page.getByLabel('User name').fill('tech');
  await page.getByLabel('Password').fill('demo');
  await page.getByLabel('Password').press('Enter');
  await page.keyboard.type('1499');
  await page.keyboard.press('Enter');
  await station.expectRecordCard(1);
  await expect(station.stampField()).toHaveValue('1499');
});
