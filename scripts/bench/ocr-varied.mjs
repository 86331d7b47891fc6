import { readFileSync } from 'node:fs';
import { logIn, percentile, round } from './common.mjs';
// The project's varied sheet set (tests/sheets/varied) read in Chromium through the app itself: each sheet
// becomes a skeletal record of the demo portal whose image is that sheet (bench.sh copies the sheets into
// the demo build, never into the production one), and Option 2 reads it as it reads any sheet.

const MANIFEST = JSON.parse(readFileSync('tests/sheets/varied/manifest.json', 'utf8'));
/** Sheets kept out of tuning the reader (every fifth of the set before the black-ink collection): reported on their own. */
export const HELD_OUT = new Set(
  ['005', '010', '015', '020', '025', '030', '035', '040', '045', '050'].map((n) => `varied-${n}`),
);
const SHEETS_URL = 'imglib/BENCH';

const barcodeOf = (sheet) => `DEMO${String(Number(sheet.id.slice(-3))).padStart(7, '0')}`;

/** Skeletal records for these sheets; their barcodes sort before the demo's own, so they come first in the queue. */
async function addSheets(page, sheets) {
  await page.evaluate(
    ({ sheets, root }) => {
      const portal = window.__demoPortal;
      for (const { barcode, file } of sheets) {
        const occid = portal.state.next.occid++;
        portal.state.records.push({
          occid,
          collid: 1,
          fields: {
            catalogNumber: barcode,
            otherCatalogNumbers: null,
            processingStatus: 'unprocessed',
            basisOfRecord: 'PreservedSpecimen',
            recordSecurity: '0',
            dateEntered: '2026-11-23 18:45:40',
            dateLastModified: '2026-11-23 18:45:40',
          },
        });
        const url = `${root}/${file}`;
        portal.state.media.push({
          mediaId: portal.state.next.media++,
          occid,
          url,
          originalUrl: url,
          thumbnailUrl: url,
        });
      }
      portal.changed();
    },
    { sheets: sheets.map((s) => ({ barcode: barcodeOf(s), file: s.file })), root: SHEETS_URL },
  );
}

const panel = (page) => page.locator('.unprocessed-panel');

async function readInOption2(page, sheet) {
  const barcode = barcodeOf(sheet);
  await page.waitForFunction(
    (b) => document.querySelector('figure.specimen-viewer')?.getAttribute('aria-label') === `Sheet ${b}`,
    barcode,
    { timeout: 60_000 },
  );
  await page.waitForFunction(
    () =>
      ['done', 'failed'].includes(
        document.querySelector('.unprocessed-panel')?.getAttribute('data-sheet-reading') ?? '',
      ),
    undefined,
    { timeout: 60_000 },
  );
  const proposed = (await page.getByText('Read from the stamp:').count()) > 0;
  const value = proposed ? await page.locator('input[name="accession"]').inputValue() : null;
  const ms = Number((await panel(page).getAttribute('data-read-ms')) ?? 0);
  const why = proposed
    ? null
    : await page
        .locator('.accession-entry .hint[role="status"]')
        .textContent()
        .catch(() => null);
  await page.keyboard.press('F4');
  return { value, ms, why };
}

function tally(outcomes) {
  const figures = { sheets: outcomes.length, stamped: 0, right: 0, wrong: 0, none: 0, unstampedProposed: 0 };
  for (const { sheet, value } of outcomes) {
    if (sheet.accession === null) {
      if (value !== null) figures.unstampedProposed++;
      continue;
    }
    figures.stamped++;
    if (value === null) figures.none++;
    else if (value === sheet.accession) figures.right++;
    else figures.wrong++;
  }
  return figures;
}

/** Every varied sheet read once, as Option 2 reads it; the held-out sheets' figures apart. */
export async function benchVaried(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, base);
  const sheets = MANIFEST.sheets;
  await addSheets(page, sheets);
  await page.keyboard.press('Alt+2');
  const outcomes = [];
  for (const sheet of sheets) outcomes.push({ sheet, ...(await readInOption2(page, sheet)) });
  await context.close();
  const all = tally(outcomes);
  const heldOut = tally(outcomes.filter((o) => HELD_OUT.has(o.sheet.id)));
  const ms = outcomes.map((o) => o.ms);
  return {
    variedSheets: all.sheets,
    variedStamped: all.stamped,
    variedRight: all.right,
    variedWrong: all.wrong + all.unstampedProposed,
    variedNone: all.none,
    variedUnstampedProposed: all.unstampedProposed,
    variedRightPct: round((all.right / all.stamped) * 100),
    variedHeldOut: {
      sheets: heldOut.sheets,
      stamped: heldOut.stamped,
      right: heldOut.right,
      wrong: heldOut.wrong + heldOut.unstampedProposed,
      none: heldOut.none,
    },
    variedColdReadMs: { p50: percentile(ms, 50), p95: percentile(ms, 95) },
    variedOutcomes: outcomes.map((o) => ({
      id: o.sheet.id,
      expected: o.sheet.accession,
      proposed: o.value,
      ms: Math.round(o.ms),
      ...(o.value === null ? { why: o.why } : {}),
    })),
  };
}

/** Boxes the stamp on the calibration screen with the mouse, as a supervisor drags round it. */
async function dragBox(page, box) {
  const image = page.locator('.sheet-box-area img');
  await image.waitFor();
  await image.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('.sheet-box-area img')?.naturalWidth ?? 0) > 0);
  const natural = await image.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  const rect = await image.boundingBox();
  const at = (x, y) => [
    rect.x + (x / natural.width) * rect.width,
    rect.y + (y / natural.height) * rect.height,
  ];
  await page.mouse.move(...at(box.x, box.y));
  await page.mouse.down();
  await page.mouse.move(...at(box.x + box.width / 2, box.y + box.height / 2), { steps: 4 });
  await page.mouse.move(...at(box.x + box.width, box.y + box.height), { steps: 4 });
  await page.mouse.up();
}

/**
 * The black-ink collection: a supervisor calibrates on its three calibration sheets (the manifest's stamp
 * boxes, dragged on the stamp profile screen), keeps the profile, and Option 2 then reads the other five.
 */
export async function benchCalibrated(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, base);
  const sheets = MANIFEST.sheets.filter((s) => s.collection === 'black-ink');
  await addSheets(page, sheets);
  await page.keyboard.press('Alt+6');
  await page.getByRole('button', { name: 'Start calibrating' }).click();
  let boxed = 0;
  for (const sheet of sheets) {
    if (boxed === 3) break;
    await page.getByText(`Sheet ${barcodeOf(sheet)}:`).waitFor({ timeout: 30_000 });
    if (!sheet.calibration) {
      await page.keyboard.press('n');
      continue;
    }
    await dragBox(page, sheet.stampBox);
    await page.getByRole('button', { name: /Accept this box/ }).click();
    boxed++;
  }
  await page.getByRole('button', { name: 'Keep this profile' }).click({ timeout: 60_000 });
  await page.getByText('Where it is looked for first').waitFor();
  await page.keyboard.press('Alt+2');
  const outcomes = [];
  for (const sheet of sheets) outcomes.push({ sheet, ...(await readInOption2(page, sheet)) });
  await context.close();
  const read = tally(outcomes.filter((o) => !o.sheet.calibration));
  return {
    calibratedSheets: read.sheets,
    calibratedRight: read.right,
    calibratedWrong: read.wrong + read.unstampedProposed,
    calibratedNone: read.none,
    calibratedOutcomes: outcomes
      .filter((o) => !o.sheet.calibration)
      .map((o) => ({
        id: o.sheet.id,
        expected: o.sheet.accession,
        proposed: o.value,
        ...(o.value === null ? { why: o.why } : {}),
      })),
  };
}
