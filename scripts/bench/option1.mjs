import { countMouse, logIn, percentile, round } from './common.mjs';
// Option 1 (link while imaging) on the demo portal: inputs per stamped link, mouse inputs, the time from the
// scanner's Enter to the Find field being ready again, and characters lost from fast scanner bursts.

const LINKS = 50;
const BURSTS = 200;
const FIRST_ACCESSION = 7100;

/** Legacy records for the benchmark: the demo herbarium has fewer than 50 unlinked ones. */
async function addBenchRecords(page, count) {
  await page.evaluate(
    ({ first, count }) => {
      const portal = window.__demoPortal;
      for (let i = 0; i < count; i++) {
        const occid = portal.state.next.occid++;
        portal.state.records.push({
          occid,
          collid: 1,
          fields: {
            catalogNumber: null,
            otherCatalogNumbers: String(first + i),
            recordedBy: 'B. Bench',
            recordNumber: String(i + 1),
            eventDate: '1970-05-01',
            sciname: 'Bouteloua gracilis',
            family: 'Poaceae',
            country: 'United States',
            stateProvince: 'Arizona',
            county: 'Pima',
            locality: 'Benchmark wash',
            basisOfRecord: 'PreservedSpecimen',
            processingStatus: null,
            recordSecurity: '0',
            dateEntered: '2026-11-23 18:45:40',
            dateLastModified: '2026-11-23 18:45:40',
          },
        });
        // Where this kind of portal keeps legacy stamps: the identifiers table, or only the old column.
        if (portal.profile.legacyStamps === 'identifiers')
          portal.state.identifiers.push({
            id: portal.state.next.identifier++,
            occid,
            name: '',
            value: String(first + i),
            modifiedUid: 1,
          });
      }
      portal.changed();
    },
    { first: FIRST_ACCESSION, count },
  );
}

/** Times scanner Enter → Find field focused and empty. */
async function instrument(page) {
  await page.evaluate(() => {
    const bench = { pendingScan: null, scanToReady: [] };
    window.__bench = bench;
    window.addEventListener(
      'keydown',
      (e) => {
        const t = e.target;
        if (
          e.key === 'Enter' &&
          t instanceof HTMLInputElement &&
          t.labels?.[0]?.textContent?.startsWith('Barcode')
        )
          bench.pendingScan = e.timeStamp;
      },
      true,
    );
    window.addEventListener(
      'focusin',
      (e) => {
        const t = e.target;
        if (
          bench.pendingScan !== null &&
          t instanceof HTMLInputElement &&
          t.name === 'stamp' &&
          t.value === ''
        ) {
          bench.scanToReady.push(performance.now() - bench.pendingScan);
          bench.pendingScan = null;
        }
      },
      true,
    );
  });
}

async function openDemo(page, base, profile = null) {
  await logIn(page, profile ? `${base}?portal=${profile}` : base);
  await page.keyboard.press('Alt+1');
  await page.getByLabel('Stamped number').waitFor();
}

/**
 * Links one specimen the way a technician would, doing only what the screen asks for, and returns how many
 * inputs that took: typing the stamp and Enter is one input, a key is one, a scan is one.
 */
async function linkOne(page, stamp, barcode) {
  const confirmHeading = page.getByRole('heading', { name: 'Check the record against the sheet' });
  const barcodeField = page.getByLabel('Barcode', { exact: true });
  let inputs = 0;
  await page.keyboard.type(stamp);
  await page.keyboard.press('Enter');
  inputs++;
  for (let guard = 0; guard < 5; guard++) {
    const next = await Promise.race([
      confirmHeading.waitFor().then(() => 'confirm'),
      barcodeField.waitFor().then(() => 'scan'),
      page
        .getByRole('heading', { name: /records answer|No record found/ })
        .waitFor()
        .then(() => 'choose'),
    ]);
    if (next === 'scan') {
      await page.waitForFunction(() =>
        document.activeElement?.closest('label')?.textContent?.startsWith('Barcode'),
      );
      await page.keyboard.type(barcode);
      await page.keyboard.press('Enter');
      inputs++;
      break;
    }
    if (next === 'confirm' && !(await barcodeField.isVisible())) {
      await page.keyboard.press('Enter');
      inputs++;
      await barcodeField.waitFor();
      continue;
    }
    throw new Error(`Stamp ${stamp} did not lead to one record (the screen asks to choose).`);
  }
  await page.waitForFunction(() => {
    const f = document.activeElement;
    return f instanceof HTMLInputElement && f.name === 'stamp' && f.value === '';
  });
  return inputs;
}

/** Longest common subsequence: the characters of `sent` that arrived, in order. */
function arrived(sent, received) {
  const dp = Array.from({ length: sent.length + 1 }, () => new Array(received.length + 1).fill(0));
  for (let i = 1; i <= sent.length; i++)
    for (let j = 1; j <= received.length; j++)
      dp[i][j] =
        sent[i - 1] === received[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[sent.length][received.length];
}

/**
 * 200 scans at 0 ms between keys at the scan step: half with focus away from the barcode field (the page
 * must catch the burst), half into the field. Each code is 12 characters and fails the collection's pattern
 * on purpose, so nothing is written and the field shows exactly what arrived.
 */
async function scannerBursts(page) {
  await page.keyboard.type(String(FIRST_ACCESSION + LINKS));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check the record against the sheet' }).waitFor();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Barcode', { exact: true });
  await field.waitFor();
  let lost = 0;
  let lostAway = 0;
  for (let i = 0; i < BURSTS; i++) {
    const code = `DEMO${String(10_000_000 + i * 7919).padStart(8, '0')}`;
    const away = i % 2 === 0;
    if (away)
      await page.evaluate(() =>
        document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null,
      );
    else await field.focus();
    if (!away) await field.selectText();
    await page.keyboard.type(code, { delay: 0 });
    await page.keyboard.press('Enter');
    let received = '';
    try {
      await page.waitForFunction(
        (c) => document.querySelector('[role="alert"]')?.textContent?.includes(`"${c}"`),
        code,
        { timeout: 2000 },
      );
      received = await field.inputValue();
    } catch {
      received = await field.inputValue();
    }
    const missing = code.length - arrived(code, received) + Math.max(0, received.length - code.length);
    lost += missing;
    if (away) lostAway += missing;
  }
  return {
    scans: BURSTS,
    msBetweenKeys: 0,
    charactersLost: lost,
    charactersLostWithFocusElsewhere: lostAway,
  };
}

export async function benchOption1(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openDemo(page, base);
  await addBenchRecords(page, LINKS + 1);
  await instrument(page);
  const mouseInputs = await countMouse(page);

  const inputs = [];
  const requestsBefore = await page.evaluate(() => window.__demoPortal.requestsReceived);
  for (let i = 0; i < LINKS; i++) {
    inputs.push(
      await linkOne(page, String(FIRST_ACCESSION + i), `DEMO${String(7_100_000 + i).padStart(7, '0')}`),
    );
  }
  await page.waitForFunction(() => !document.body.textContent?.includes('Saving…'), null, {
    timeout: 30_000,
  });
  const saved = await page.evaluate(
    ({ first, count }) => {
      const portal = window.__demoPortal;
      let n = 0;
      for (let i = 0; i < count; i++) {
        const record = portal.state.records.find(
          (r) => r.fields.otherCatalogNumbers === String(first + i) && r.fields.recordedBy === 'B. Bench',
        );
        if (record?.fields.catalogNumber === `DEMO${String(7_100_000 + i).padStart(7, '0')}`) n++;
      }
      return n;
    },
    { first: FIRST_ACCESSION, count: LINKS },
  );
  const requests = (await page.evaluate(() => window.__demoPortal.requestsReceived)) - requestsBefore;
  const bench = await page.evaluate(() => ({
    scanToReady: window.__bench.scanToReady,
  }));
  if (process.env.BENCH_DEBUG) {
    const rt = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('dupequerycatnum'))
        .map((e) => Math.round(e.duration)),
    );
    console.log('dupequerycatnum ms', rt.join(' '));
    console.log('scanToReady', bench.scanToReady.map(Math.round).join(' '));
  }
  const scannerBurst = await scannerBursts(page);
  const mouse = await mouseInputs();
  await context.close();

  if (bench.scanToReady.length !== LINKS)
    throw new Error(`Timed ${bench.scanToReady.length} of ${LINKS} scans; the measurement is broken.`);
  return {
    links: LINKS,
    linksSaved: saved,
    inputsPerStampedLink: Math.max(...inputs),
    // Requests the demo portal answered per link (search, re-read, barcode check, save), over all links.
    portalRequestsPerLink: round(requests / LINKS),
    mouseInputs: mouse,
    scanToReadyMs: {
      p50: round(percentile(bench.scanToReady, 50)),
      p95: round(percentile(bench.scanToReady, 95)),
      max: round(Math.max(...bench.scanToReady)),
      samples: bench.scanToReady.length,
    },
    scannerBurst,
  };
}

/** The kinds of portal the demo plays (src/portal/fake-symbiota/profiles.ts). */
const PROFILES = [
  'fresh-install',
  'recorded',
  'under-path',
  'no-api',
  'spanish',
  'french',
  'portuguese',
  'version-3.1',
];
const PROFILE_LINKS = 10;

/** Portal requests per stamped Option 1 link on each kind of portal (languages, versions, no API v2). */
export async function benchRequestsByPortal(browser, base) {
  const byPortal = {};
  for (const profile of PROFILES) {
    const context = await browser.newContext();
    // The same technician on every kind of portal: English chosen on the station (else it follows the
    // portal's language and the English steps below would not find their words).
    await context.addInitScript(() => localStorage.setItem('specimen-linker.language', 'en'));
    const page = await context.newPage();
    await openDemo(page, base, profile);
    await addBenchRecords(page, PROFILE_LINKS);
    // Requests the portal answers while the station sits idle (none expected) are not the links'.
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => window.__demoPortal.requestsReceived);
    for (let i = 0; i < PROFILE_LINKS; i++)
      await linkOne(page, String(FIRST_ACCESSION + i), `DEMO${String(7_200_000 + i).padStart(7, '0')}`);
    await page.waitForFunction(() => !document.body.textContent?.includes('Saving…'), null, {
      timeout: 30_000,
    });
    // The edit lock the editor-page reads took is let go of a moment after the last read.
    await page.waitForTimeout(500);
    byPortal[profile] = round(
      ((await page.evaluate(() => window.__demoPortal.requestsReceived)) - before) / PROFILE_LINKS,
    );
    await context.close();
  }
  return byPortal;
}
