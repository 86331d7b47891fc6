import { expect, test, type Page } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

/**
 * The demo portal told to fail on purpose while a technician links: whatever the fault, the link is saved
 * exactly once, the screen and the journal say so, and nothing is lost on reload or when the tab closes.
 */
type Fault = 'drop-request' | 'drop-answer' | 'server-error' | 'slow-answer' | 'end-session';

const inject = (page: Page, fault: Fault, options: { delayMs?: number; on?: 'writes' | 'everything' } = {}) =>
  page.evaluate(([f, o]) => window.__demoPortal!.injectFault(f as Fault, o as object), [
    fault,
    options,
  ] as const);

/** Record 1 (stamp 1499) found, checked, and the scan step open. */
async function atScanStep(station: DemoStation, page: Page) {
  await station.typeStamp('1499');
  await station.expectRecordCard(1);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Barcode', { exact: true })).toBeFocused();
}

async function expectLinkedOnce(station: DemoStation, occid: number, barcode: string) {
  await expect
    .poll(() => station.portalRecordField(occid, 'catalogNumber'), { timeout: 20_000 })
    .toBe(barcode);
  expect(await station.portalEditLog(occid)).toEqual([['catalognumber', '', barcode]]);
}

test.describe('Option 1 links under faults', () => {
  let station: DemoStation;
  test.beforeEach(async ({ page }) => {
    station = new DemoStation(page);
    await station.startImaging();
    await atScanStep(station, page);
  });

  for (const fault of ['drop-request', 'drop-answer', 'server-error'] as const) {
    test(`${fault}: the link waits in the outbox, goes out by itself and is saved once`, async ({ page }) => {
      await inject(page, fault);
      await station.scan('DEMO0009001');
      // The technician goes on at once; the row says what the outbox is doing.
      await expect(station.stampField()).toBeFocused();
      await station.expectSessionRow('DEMO0009001', 'Saving');
      await station.expectSessionRow('DEMO0009001', 'Linked');
      await expectLinkedOnce(station, 1, 'DEMO0009001');
      const journal = await station.journal();
      expect(journal).toEqual([expect.objectContaining({ action: 'link', occid: 1, outcome: 'done' })]);
      if (fault === 'drop-answer') expect(journal[0]).toMatchObject({ confirmedByReading: true });
    });
  }

  test('slow-answer: a portal that answers after 10 s is waited for, not sent twice', async ({ page }) => {
    test.setTimeout(45_000);
    await inject(page, 'slow-answer', { delayMs: 10_000 });
    await station.scan('DEMO0009001');
    await station.expectSessionRow('DEMO0009001', 'Saving');
    await expect(page.getByRole('table').getByRole('row', { name: /DEMO0009001/ })).toContainText('Linked', {
      timeout: 20_000,
    });
    await expectLinkedOnce(station, 1, 'DEMO0009001');
  });

  test('end-session: a login dialog opens over the screen; after it the link goes out, once', async ({
    page,
  }) => {
    await inject(page, 'end-session');
    await station.scan('DEMO0009001');
    const dialog = page.getByRole('dialog', { name: 'Your portal session has ended' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('the 1 write waiting in the outbox goes out after the login');
    // The work under the dialog is kept.
    await expect(page.getByRole('heading', { name: 'Link while imaging' })).toBeVisible();
    await expect(dialog.getByLabel('Password')).toBeFocused();
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await station.expectSessionRow('DEMO0009001', 'Linked');
    await expectLinkedOnce(station, 1, 'DEMO0009001');
  });

  test("a different user logging in does not send the first user's link under their name", async ({
    page,
  }) => {
    await inject(page, 'end-session');
    await station.scan('DEMO0009001');
    const dialog = page.getByRole('dialog', { name: 'Your portal session has ended' });
    await dialog.getByLabel('User name').fill('curator');
    await dialog.getByLabel('Password').fill('demo');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Outbox' })).toContainText(
      '1 write decided by tech waits for tech to log in on this station; it is not sent under your name',
    );
    expect(await station.portalRecordField(1, 'catalogNumber')).toBeNull();
  });
});

test.describe('nothing is lost when the page goes', () => {
  for (const how of ['reload', 'close the tab'] as const) {
    test(`${how} while a link is being saved: it is finished once when the station opens again`, async ({
      page,
      context,
    }) => {
      const station = new DemoStation(page);
      await station.startImaging();
      await atScanStep(station, page);
      // The portal is slow; the page goes before it has answered.
      await inject(page, 'slow-answer', { delayMs: 10_000 });
      await station.scan('DEMO0009001');
      await station.expectSessionRow('DEMO0009001', 'Saving');
      let next = page;
      if (how === 'reload') await page.reload();
      else {
        await page.close();
        next = await context.newPage();
        await next.goto('/');
      }
      const again = new DemoStation(next);
      await expect(next.getByText('Logged in as')).toBeVisible();
      await next.keyboard.press('Alt+1');
      await expectLinkedOnce(again, 1, 'DEMO0009001');
      const row = next.getByRole('table').getByRole('row', { name: /DEMO0009001/ });
      await expect(row).toContainText('Linked');
      await expect(row).toContainText('Saved in the portal (record 1)');
      await expect
        .poll(async () => (await again.journal()).map((e) => [e.action, e.occid, e.outcome]))
        .toEqual([['link', 1, 'done']]);
    });
  }
});

test('the station says at once when it is offline, and when it is back', async ({ page, context }) => {
  const station = new DemoStation(page);
  await station.startImaging();
  await context.setOffline(true);
  await expect(page.getByRole('region', { name: 'Outbox' })).toContainText(
    'Offline: the portal cannot be reached.',
  );
  await context.setOffline(false);
  await expect(page.getByRole('region', { name: 'Outbox' })).toBeHidden();
});
