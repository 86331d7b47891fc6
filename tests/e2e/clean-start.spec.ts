import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DemoStation } from './drivers/demo-station';

/**
 * What the browser's console and network panel show someone who opens the station: no errors and nothing
 * missing, so that a real problem stands out when there is one.
 */
function watchConsoleAndNetwork(page: Page) {
  const seen = { consoleErrors: [] as string[], notFound: [] as string[], favicon: [] as string[] };
  // Messages from the app's workers (the OCR, the pixel reader) reach the page's console too.
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() === 404) seen.notFound.push(url.pathname);
    if (/\/favicon\.(svg|ico)$/.test(url.pathname))
      seen.favicon.push(`${url.pathname} ${response.status()} ${response.headers()['content-type']}`);
  });
  return seen;
}

test('opening the demo logs no console error and asks for nothing that is not there', async ({ page }) => {
  const seen = watchConsoleAndNetwork(page);
  const station = new DemoStation(page);
  await station.open();
  await page.waitForLoadState('networkidle');
  expect(seen.favicon).toEqual(['/favicon.svg 200 image/svg+xml']);
  await station.logIn('tech');
  await expect(page.getByText('Logged in as')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Logged in as')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.notFound).toEqual([]);
});

test('reading stamps off the sheets keeps the console clean', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = watchConsoleAndNetwork(page);
  const station = new DemoStation(page);
  await station.startUnprocessed();
  await station.expectSheet('DEMO0001231');
  // The proposal means the OCR (tesseract.js) and the barcode reader (zxing-wasm) have both run.
  await expect(station.accessionField()).toHaveValue('5120', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await station.expectSheet('DEMO0001232');
  await expect(station.accessionField()).toHaveValue('4488', { timeout: 30_000 });
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.notFound).toEqual([]);
});

test('without config.json the station says how to make one from the example, and sends nothing', async ({
  page,
}) => {
  const portalRequests: string[] = [];
  page.on('request', (request) => {
    if (/\.php|\/api\//.test(request.url())) portalRequests.push(request.url());
  });
  // The demo build reads demo/config.json; a production build reads config.json next to index.html.
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Specimen Linker cannot start: config.json is missing' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).toContainText('copy config.example.json to config.json');
  await expect(page.getByRole('link', { name: /\/config\.example\.json$/ })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expect(portalRequests).toEqual([]);
});
