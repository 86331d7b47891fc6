import { readFileSync } from 'node:fs';
import { logIn, percentile, round, SKELETAL_FIELDS } from './common.mjs';
import { panel, readingSettled } from './ocr.mjs';
// The project's varied sheet set (tests/sheets/varied) read in Chromium through the app itself: each sheet
// becomes a skeletal record of the demo portal whose image is that sheet (bench.sh copies the sheets into
// the demo build, never into the production one), and Option 2 reads it as it reads any sheet.

const MANIFEST = JSON.parse(readFileSync('tests/sheets/varied/manifest.json', 'utf8'));
/** Sheets kept out of tuning the reader (every fifth of the set before the black-ink collection): reported on their own. */
export const HELD_OUT = new Set(
  ['005', '010', '015', '020', '025', '030', '035', '040', '045', '050'].map((n) => `varied-${n}`),
);
const SHEETS_URL = 'imglib/BENCH';

/**
 * The order Option 2's queue shows the sheets in (their barcodes are given in that order): the manifest's,
 * except that two sheets made from one base sheet never follow each other. Each varied sheet stands for a
 * specimen of its own, but sheets made from one base sheet print one label (see `oneRecordPerGathering`),
 * and the station reads the next sheet while this one is on screen.
 */
function queueOrder(sheets) {
  const left = [...sheets];
  const order = [];
  while (left.length > 0) {
    const previous = order.at(-1);
    const at = left.findIndex((s) => s.base !== previous?.base);
    order.push(...left.splice(Math.max(0, at), 1));
  }
  return order.map((sheet, i) => ({ ...sheet, barcode: `DEMO${String(i + 1).padStart(7, '0')}` }));
}

/**
 * What each base sheet's printed label says (collector, number, date), read off the demo herbarium's sheets
 * and its legacy records: every varied sheet keeps its base sheet's label.
 */
const LABELS = {
  'DEMO0001231.jpg': ['Helianthus annuus', 'J. Smith', '266', '1963-08-19'],
  'DEMO0001232.jpg': ['Astragalus humistratus', 'R. A. Darrow', '1702', '1966-06-12'],
  'DEMO0001233.jpg': ['Potentilla hippiana', 'W. H. Brown', '77', '1952-07-30'],
  'DEMO0001234.jpg': ['Penstemon barbatus', 'J. Smith', '212', '1961-07-14'],
  'DEMO0001235.jpg': ['Quercus gambelii', 'R. A. Darrow', '1045', '1958-06-02'],
  'DEMO0001236.jpg': ['Phlox austromontana', 'T. B. Nguyen', '140', '1981-05-21'],
  'DEMO0001237.jpg': ['Lupinus argenteus', 'T. B. Nguyen', '77', '1979-07-03'],
  'DEMO0001238.jpg': ['Monarda fistulosa', 'E. L. Hernandez', '3001', '1987-07-27'],
  'DEMO0001239.jpg': ['Ceanothus fendleri', 'W. H. Brown', '502', '1964-05-27'],
  'DEMO0001240.jpg': ['Achillea millefolium', 'M. K. Lopez', '301', '1975-07-18'],
  'legacy_2310.jpg': ['Pinus ponderosa', 'M. K. Lopez', '88', '1972-09-21'],
};

/**
 * Skeletal records for these sheets; their barcodes sort before the demo's own, so they come first in the
 * queue. With `legacy`, each stamped sheet's legacy record is in the portal too, as in a collection whose
 * ledgers were entered before imaging: its accession number and its label's taxon, collector, number and
 * date, which is what the station may ask the portal about a number its readings left open.
 */
async function addSheets(page, sheets, { legacy }) {
  return page.evaluate(
    ({ sheets, root, skeletal }) => {
      const portal = window.__demoPortal;
      const legacyOccids = {};
      for (const { barcode, file, legacy } of sheets) {
        const occid = portal.state.next.occid++;
        portal.state.records.push({ occid, collid: 1, fields: { ...skeletal, catalogNumber: barcode } });
        const url = `${root}/${file}`;
        portal.state.media.push({
          mediaId: portal.state.next.media++,
          occid,
          url,
          originalUrl: url,
          thumbnailUrl: url,
        });
        if (!legacy) continue;
        const legacyOccid = portal.state.next.occid++;
        legacyOccids[barcode] = legacyOccid;
        const [sciname, recordedBy, recordNumber, eventDate, accession] = legacy;
        portal.state.records.push({
          occid: legacyOccid,
          collid: 1,
          fields: {
            catalogNumber: null,
            otherCatalogNumbers: accession,
            sciname,
            recordedBy,
            recordNumber,
            eventDate,
            basisOfRecord: 'PreservedSpecimen',
            processingStatus: null,
          },
        });
        portal.state.identifiers.push({
          id: portal.state.next.identifier++,
          occid: legacyOccid,
          name: '',
          value: accession,
          modifiedUid: 1,
        });
      }
      portal.changed();
      return legacyOccids;
    },
    {
      sheets: sheets.map((s) => ({
        barcode: s.barcode,
        file: s.file,
        legacy: legacy && s.accession !== null ? [...LABELS[s.base], s.accession] : null,
      })),
      root: SHEETS_URL,
      skeletal: SKELETAL_FIELDS,
    },
  );
}

/**
 * A collection's ledger holds one legacy record per specimen, and two specimens of one gathering are rare;
 * the varied set prints eleven labels on all its sheets, so in the bench's portal up to nine legacy records
 * (the demo's own among them) share one label's collector, number and date. The portal's witness rightly
 * settles nothing for a gathering with several records (src/domain/stamp-confirmation.ts), so while a sheet
 * is read, the other records of its label's gathering are set aside, as if each sheet were its own
 * collection's specimen: `keep` are the legacy records of the sheets being read (the one on screen and the
 * next, which the station reads ahead), never of one gathering (`queueOrder`). Every other record stays.
 */
async function oneRecordPerGathering(page, sheets, legacyOccids) {
  const inView = sheets.filter(Boolean);
  await page.evaluate(
    ({ keep, gatherings }) => {
      const portal = window.__demoPortal;
      const aside = (window.__benchSetAside ??= { records: [], identifiers: [] });
      portal.state.records.push(...aside.records.splice(0));
      portal.state.identifiers.push(...aside.identifiers.splice(0));
      const ofGathering = (f) =>
        gatherings.some(([number, date]) => f.recordNumber === number && f.eventDate === date);
      const setAside = new Set(
        portal.state.records
          .filter((r) => ofGathering(r.fields) && !keep.includes(r.occid))
          .map((r) => r.occid),
      );
      aside.records.push(...portal.state.records.filter((r) => setAside.has(r.occid)));
      aside.identifiers.push(...portal.state.identifiers.filter((i) => setAside.has(i.occid)));
      portal.state.records = portal.state.records
        .filter((r) => !setAside.has(r.occid))
        .sort((a, b) => a.occid - b.occid);
      portal.state.identifiers = portal.state.identifiers.filter((i) => !setAside.has(i.occid));
      portal.changed();
    },
    {
      keep: inView.map((s) => legacyOccids[s.barcode]).filter((o) => o !== undefined),
      gatherings: inView.map((s) => LABELS[s.base].slice(2, 4)),
    },
  );
}

/**
 * Every sheet read in Option 2 in queue order; before Option 2 opens and before each sheet is left, the
 * portal is set for the two sheets read next (the next one on screen and the one after it, read ahead).
 */
async function readAllInOption2(page, sheets, legacyOccids) {
  await oneRecordPerGathering(page, [sheets[0], sheets[1]], legacyOccids);
  await page.keyboard.press('Alt+2');
  const outcomes = [];
  for (const [i, sheet] of sheets.entries())
    outcomes.push({
      sheet,
      ...(await readInOption2(page, sheet, () =>
        oneRecordPerGathering(page, [sheets[i + 1], sheets[i + 2]], legacyOccids),
      )),
    });
  return outcomes;
}

/** What Option 2 proposed for a sheet, whether the portal's legacy record settled it, or why nothing. */
async function readInOption2(page, sheet, beforeLeaving) {
  const { barcode } = sheet;
  await page.waitForFunction(
    (b) => document.querySelector('figure.specimen-viewer')?.getAttribute('aria-label') === `Sheet ${b}`,
    barcode,
    { timeout: 60_000 },
  );
  await readingSettled(page, 60_000);
  // The proposal says what settled it (accession-entry.tsx): the readings, the legacy record holding the
  // number read, or the gathering's only legacy record holding a number a reading came close to.
  const proposal = page.locator('.stamp-proposal');
  const proposed = (await proposal.count()) > 0;
  const value = proposed ? await page.locator('input[name="accession"]').inputValue() : null;
  const settledBy = proposed ? await proposal.getAttribute('data-settled-by') : null;
  const confirmed = settledBy === 'legacy-record' || settledBy === 'near-legacy-record';
  const near = settledBy === 'near-legacy-record';
  const ms = Number((await panel(page).getAttribute('data-read-ms')) ?? 0);
  const why = proposed
    ? null
    : await page
        .locator('.accession-entry .hint[role="status"]')
        .textContent()
        .catch(() => null);
  await beforeLeaving();
  await page.keyboard.press('F4');
  return { value, confirmed, near, ms, why };
}

function tally(outcomes) {
  const figures = {
    sheets: outcomes.length,
    stamped: 0,
    right: 0,
    rightByPortal: 0,
    rightByNearRecord: 0,
    wrong: 0,
    none: 0,
    unstampedProposed: 0,
  };
  for (const { sheet, value, confirmed, near } of outcomes) {
    if (sheet.accession === null) {
      if (value !== null) figures.unstampedProposed++;
      continue;
    }
    figures.stamped++;
    if (value === null) figures.none++;
    else if (value === sheet.accession) {
      figures.right++;
      if (confirmed) figures.rightByPortal++;
      if (near) figures.rightByNearRecord++;
    } else figures.wrong++;
  }
  return figures;
}

/**
 * Every varied sheet read once, as Option 2 reads it, with its legacy record in the portal; the held-out
 * sheets' figures apart, and how many right proposals needed the portal's record (the others the reading
 * made alone, as it would on a portal without the legacy records).
 */
export async function benchVaried(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, base);
  const sheets = queueOrder(MANIFEST.sheets);
  const legacyOccids = await addSheets(page, sheets, { legacy: true });
  const outcomes = await readAllInOption2(page, sheets, legacyOccids);
  await context.close();
  const all = tally(outcomes);
  const heldOut = tally(outcomes.filter((o) => HELD_OUT.has(o.sheet.id)));
  const ms = outcomes.map((o) => o.ms);
  return {
    variedSheets: all.sheets,
    variedStamped: all.stamped,
    variedRight: all.right,
    variedRightByReadingAlone: all.right - all.rightByPortal,
    variedRightByPortal: all.rightByPortal,
    variedRightByNearRecord: all.rightByNearRecord,
    variedWrong: all.wrong + all.unstampedProposed,
    variedNone: all.none,
    variedUnstampedProposed: all.unstampedProposed,
    variedRightPct: round((all.right / all.stamped) * 100),
    variedHeldOut: {
      sheets: heldOut.sheets,
      stamped: heldOut.stamped,
      right: heldOut.right,
      rightByPortal: heldOut.rightByPortal,
      rightByNearRecord: heldOut.rightByNearRecord,
      wrong: heldOut.wrong + heldOut.unstampedProposed,
      none: heldOut.none,
    },
    variedColdReadMs: { p50: percentile(ms, 50), p95: percentile(ms, 95) },
    variedOutcomes: outcomes.map((o) => ({
      id: o.sheet.id,
      expected: o.sheet.accession,
      proposed: o.value,
      ...(o.confirmed ? { confirmedByPortal: true } : {}),
      ...(o.near ? { nearRecord: true } : {}),
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
  const sheets = queueOrder(MANIFEST.sheets.filter((s) => s.collection === 'black-ink'));
  const legacyOccids = await addSheets(page, sheets, { legacy: true });
  await page.keyboard.press('Alt+6');
  await page.getByRole('button', { name: 'Start calibrating' }).click();
  let boxed = 0;
  for (const sheet of sheets) {
    if (boxed === 3) break;
    await page.getByText(`Sheet ${sheet.barcode}:`).waitFor({ timeout: 30_000 });
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
  const outcomes = await readAllInOption2(page, sheets, legacyOccids);
  await context.close();
  const read = tally(outcomes.filter((o) => !o.sheet.calibration));
  return {
    calibratedSheets: read.sheets,
    calibratedRight: read.right,
    calibratedRightByPortal: read.rightByPortal,
    calibratedWrong: read.wrong + read.unstampedProposed,
    calibratedNone: read.none,
    calibratedOutcomes: outcomes
      .filter((o) => !o.sheet.calibration)
      .map((o) => ({
        id: o.sheet.id,
        expected: o.sheet.accession,
        proposed: o.value,
        ...(o.confirmed ? { confirmedByPortal: true } : {}),
      ...(o.near ? { nearRecord: true } : {}),
        ...(o.value === null ? { why: o.why } : {}),
      })),
  };
}
