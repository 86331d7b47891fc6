// What the benchmarks share: figures, and logging in to the demo as the technician.

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const round = (n) => Math.round(n * 10) / 10;

export async function logIn(page, base) {
  await page.goto(base);
  await page.getByLabel('User name').fill('tech');
  await page.getByLabel('Password').fill('demo');
  await page.getByLabel('Password').press('Enter');
  await page.getByText('Logged in as').waitFor();
}

/** Counts real mouse use in the page (not 'click': Enter in a form fires a trusted click on its button). */
export async function countMouse(page) {
  await page.evaluate(() => {
    window.__mouse = 0;
    for (const type of ['mousedown', 'pointerdown', 'wheel'])
      window.addEventListener(type, (e) => e.isTrusted && window.__mouse++, true);
  });
  return () => page.evaluate(() => window.__mouse);
}

/** The fields a batch image upload leaves on a record besides its barcode (PROTOCOL §2): the benchmarks' skeletal records. */
export const SKELETAL_FIELDS = {
  otherCatalogNumbers: null,
  processingStatus: 'unprocessed',
  basisOfRecord: 'PreservedSpecimen',
  recordSecurity: '0',
  dateEntered: '2026-11-23 18:45:40',
  dateLastModified: '2026-11-23 18:45:40',
};
