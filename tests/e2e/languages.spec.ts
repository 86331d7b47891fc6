import { expect, test, type Page } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';
import { expectAccessible, expectNoEnglish, expectNoOverflow } from './drivers/screen-checks';
import type { TestLanguage } from './drivers/words';

/**
 * The main flows in each language the station speaks, as a technician and a supervisor there work them:
 * Option 1 (a link and an escalation), Option 2 (an escalation and a save), Review, the Journal and the portal
 * check. On every screen: no English word left and no axe violation; in the pseudo-language (every sentence
 * ≈40 % longer) at 1366×768, nothing cut off or overflowing.
 */
async function mainFlows(
  page: Page,
  language: TestLanguage,
  check: (page: Page, state: string) => Promise<void>,
) {
  const station = new DemoStation(page, language);
  const w = station.w;
  await station.open();
  await check(page, 'login');

  await station.logIn('tech');
  await station.expectLoggedIn();
  await page.keyboard.press('Alt+1');
  await expect(station.stampField()).toBeFocused();
  await check(page, 'Option 1 find');
  await station.typeStamp('1499');
  await station.expectRecordCard(1);
  await check(page, 'Option 1 record card');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(w('imaging.scan.barcode'), { exact: true })).toBeFocused();
  await station.scan('DEMO0009001');
  await station.expectSessionRow('DEMO0009001', w('session.state.linked'));
  await check(page, 'Option 1 after a link');
  await station.typeStamp('9999');
  await expect(page.getByRole('heading', { name: w('imaging.results.none') })).toBeVisible();
  await check(page, 'Option 1 no record');
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { name: w('imaging.escalate.heading') })).toBeVisible();
  await check(page, 'Option 1 escalation form');
  await station.scan('DEMO0009100');
  await page.keyboard.press('Enter');
  await station.expectSessionRow('DEMO0009100', w('session.state.escalated'));

  await page.keyboard.press('Alt+2');
  await station.expectSheet('DEMO0001231');
  await check(page, 'Option 2 sheet');
  await page.keyboard.press('Control+a');
  await station.enterAccession('2310');
  await station.expectSheet('DEMO0001232');
  await station.expectSessionRow('DEMO0001231', w('session.state.escalated'));
  await page.keyboard.press('Control+a');
  await station.enterAccession('4488');
  await station.expectSheet('DEMO0001233');
  await station.expectSessionRow('DEMO0001232', w('session.state.linked'));
  await check(page, 'Option 2 after a save and an escalation');

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: w('journal.title') })).toBeVisible();
  await check(page, 'Journal');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: w('check.heading') })).toBeVisible();
  await expect(page.locator('.check-results')).toBeVisible();
  await check(page, 'portal check');

  const supervisor = await station.atAnotherStation();
  await supervisor.logIn('curator');
  await supervisor.expectLoggedIn();
  await supervisor.page.keyboard.press('Alt+3');
  await expect(
    supervisor.page.getByRole('heading', { name: w('review.queue.waiting', { count: 2 }) }),
  ).toBeVisible();
  await check(supervisor.page, 'Review queue');
  await supervisor.page.getByRole('listbox').focus();
  await supervisor.page.keyboard.press('Enter');
  await expect(supervisor.page.getByRole('heading', { name: /DEMO000/ }).first()).toBeVisible();
  await check(supervisor.page, 'Review case');
}

for (const language of ['es', 'fr', 'pt-BR'] as const) {
  test(`${language}: the main flows, with no English left and nothing inaccessible`, async ({ page }) => {
    test.setTimeout(120_000);
    await mainFlows(page, language, async (p, state) => {
      await expectNoEnglish(p, language, state);
      await expectAccessible(p, `${state} (${language})`);
    });
  });
}

test.describe('the pseudo-language at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test('longer sentences fit: nothing cut off, nothing overflowing', async ({ page }) => {
    test.setTimeout(120_000);
    await mainFlows(page, 'en-XA', async (p, state) => {
      await expectNoOverflow(p, state);
    });
  });
});
