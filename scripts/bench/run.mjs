// Benchmarks of the station screens, measured in the built demo running in Chromium (npm run bench).
// Prints a table and merges the figures into bench/results.json.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { benchOption1, benchRequestsByPortal } from './option1.mjs';
import { benchOption2 } from './option2.mjs';
import { benchOcr } from './ocr.mjs';
import { benchCalibrated, benchVaried } from './ocr-varied.mjs';
import { benchReliability } from './reliability.mjs';
import { initialJs } from '../initial-js.mjs';

// BENCH_PORT lets two checkouts on one machine run their benchmarks side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4175);
const BASE = `http://127.0.0.1:${PORT}`;
const RESULTS = 'bench/results.json';

async function waitForServer(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The demo server did not start at ${url}`);
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', 'dist-demo', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

try {
  await waitForServer(BASE);
  const only = process.argv[2];
  const results = {};
  if (!only || only === 'option1') {
    results.option1 = await benchOption1(browser, BASE);
    results.option1.portalRequestsPerLinkByPortal = await benchRequestsByPortal(browser, BASE);
  }
  if (!only || only === 'option2') results.option2 = await benchOption2(browser, BASE);
  if (!only || only === 'reliability') Object.assign(results, benchReliability());
  // `npm run bench -- varied`: the varied sheet set and the calibrated collection only (a quicker loop).
  if (only === 'varied')
    results.ocr = { ...(await benchVaried(browser, BASE)), ...(await benchCalibrated(browser, BASE)) };
  // `npm run bench -- ocr-demo`: the demo herbarium's sheets only (a quicker loop for the timings).
  if (only === 'ocr-demo') results.ocr = await benchOcr(browser, BASE);
  if (!only || only === 'ocr') {
    results.ocr = {
      ...(await benchOcr(browser, BASE)),
      ...(await benchVaried(browser, BASE)),
      ...(await benchCalibrated(browser, BASE)),
    };
    results.option2 = { ...(results.option2 ?? {}), inputsWithProposal: results.ocr.inputsWithProposal };
  }
  // The production build (bench.sh builds it): JavaScript before the login screen, gzip.
  results.initialJsKbGzip = initialJs('dist').kb;

  await mkdir('bench', { recursive: true });
  let previous = {};
  try {
    previous = JSON.parse(await readFile(RESULTS, 'utf8'));
  } catch {
    /* first run */
  }
  const merged = {
    ...previous,
    ...results,
    ...(results.ocr ? { ocr: { ...previous.ocr, ...results.ocr } } : {}),
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, chromium: browser.version() },
  };
  await writeFile(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  printTable(results);
  console.log(`\nwritten to ${RESULTS}`);
} finally {
  await browser.close();
  stopServer();
}

function printTable(results) {
  const rows = [];
  const o1 = results.option1;
  if (o1) {
    rows.push(['option1.inputsPerStampedLink', o1.inputsPerStampedLink, '3']);
    rows.push(['option1.portalRequestsPerLink', o1.portalRequestsPerLink, '≤ 4']);
    for (const [portal, n] of Object.entries(o1.portalRequestsPerLinkByPortal ?? {}))
      rows.push([
        `  on a "${portal}" portal`,
        n,
        ['no-api', 'french', 'portuguese'].includes(portal) ? '' : '≤ 4',
      ]);
    rows.push(['option1.mouseInputs', o1.mouseInputs, '0']);
    rows.push(['option1.scanToReadyMs p50', o1.scanToReadyMs.p50, '']);
    rows.push(['option1.scanToReadyMs p95', o1.scanToReadyMs.p95, '≤ 50']);
    rows.push(['option1.scannerBurst (chars lost / 200 scans)', o1.scannerBurst.charactersLost, '0']);
    rows.push(['option1 links saved by the portal', `${o1.linksSaved}/${o1.links}`, 'all']);
  }
  const o2 = results.option2;
  if (o2?.nextRecordMs) {
    rows.push(['option2.inputsNoDuplicate', o2.inputsNoDuplicate, '≤ 3']);
    rows.push(['option2.inputsMerge', o2.inputsMerge, '≤ 5']);
    rows.push(['option2.mouseInputs', o2.mouseInputs, '0']);
    rows.push(['option2.nextRecordMs p50', o2.nextRecordMs.p50, '']);
    rows.push(['option2.nextRecordMs p95', o2.nextRecordMs.p95, '≤ 150']);
    rows.push(['option2 records saved by the portal', o2.recordsSaved, 'all']);
  }
  if (o2?.queue20k) {
    rows.push(['option2.queue20k.firstPageMs', o2.queue20k.firstPageMs, '≤ 300']);
    rows.push([
      `option2.queue20k.heapGrowthMb (${o2.queue20k.pagedThrough} records)`,
      o2.queue20k.heapGrowthMb,
      'flat',
    ]);
  }
  rows.push(['initialJsKbGzip', results.initialJsKbGzip, '≤ 150']);
  if (results.ocr?.stampedSheets !== undefined) {
    const o = results.ocr;
    rows.push(['ocr.proposedCorrectly', `${o.proposedCorrectly}/${o.stampedSheets}`, 'all']);
    rows.push(['ocr.proposedWrongly', o.proposedWrongly, '0']);
    rows.push(['ocr.unstampedProposed', o.unstampedProposed, '0']);
    rows.push([
      `ocr.proposalReadyWhenShownPct (pause ${o.readingPauseMs} ms)`,
      o.proposalReadyWhenShownPct,
      '≥ 95',
    ]);
    rows.push([
      `ocr.longSession.readyWhenShownPct (${o.longSession.sheets} sheets)`,
      o.longSession.readyWhenShownPct,
      '≥ 95',
    ]);
    rows.push(['ocr.coldReadMs p50', o.coldReadMs.p50, '']);
    rows.push(['ocr.coldReadMs p95', o.coldReadMs.p95, '≤ 1500']);
    rows.push(['ocr.barcodesRead', `${o.barcodesRead}/${o.sheets}`, 'all']);
    rows.push([
      'ocr.barcodeMismatchesFlagged',
      `${o.barcodeMismatchesFlagged}/${o.barcodeMismatchesPlanted}`,
      'all',
    ]);
    rows.push(['option2.inputsWithProposal', o.inputsWithProposal, '1']);
  }
  if (results.ocr?.variedSheets !== undefined) {
    const o = results.ocr;
    rows.push(['ocr.variedSheets', o.variedSheets, '']);
    rows.push([
      `ocr.variedRight (of ${o.variedStamped} stamped)`,
      `${o.variedRight} (${o.variedRightPct} %)`,
      '≥ 90 %',
    ]);
    rows.push([
      '  by the reading alone / by the legacy record (of which near a number read)',
      `${o.variedRightByReadingAlone} / ${o.variedRightByPortal} (${o.variedRightByNearRecord})`,
      '',
    ]);
    rows.push(['ocr.variedWrong', o.variedWrong, '0']);
    rows.push(['ocr.variedNone', o.variedNone, '']);
    rows.push([
      `ocr.variedHeldOut right/wrong/none (of ${o.variedHeldOut.stamped} stamped)`,
      `${o.variedHeldOut.right}/${o.variedHeldOut.wrong}/${o.variedHeldOut.none}`,
      '',
    ]);
    rows.push(['ocr.variedColdReadMs p95', o.variedColdReadMs.p95, '≤ 1500']);
    rows.push([
      `ocr.calibratedRight (of ${o.calibratedSheets}; by the legacy record)`,
      `${o.calibratedRight} (${o.calibratedRightByPortal})`,
      'all',
    ]);
    rows.push(['ocr.calibratedWrong', o.calibratedWrong, '0']);
  }
  if (results.reliability) {
    const r = results.reliability;
    rows.push(['reliability.tasksInjected', r.tasksInjected, '']);
    rows.push(['reliability.faultsInjected', r.faultsInjected, '']);
    rows.push(['reliability.writesLost', r.writesLost, '0']);
    rows.push(['reliability.writesDoubled', r.writesDoubled, '0']);
    rows.push(['reliability.misreported', r.misreported, '0']);
    rows.push(['reliability.journalMissing', r.journalMissing, '0']);
  }
  if (results.badInputs) {
    rows.push(['badInputs.cases', results.badInputs.cases, '≥ 40']);
    rows.push(['badInputs.wroteSomething', results.badInputs.wroteSomething, '0']);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  goal`);
  for (const [name, value, goal] of rows)
    console.log(`${name.padEnd(width)}  ${String(value).padStart(10)}  ${goal}`);
}
