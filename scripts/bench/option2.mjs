import { countMouse, logIn, percentile, round, SKELETAL_FIELDS } from './common.mjs';
// Option 2 (link unprocessed records) on the demo portal: inputs per record, the time from Enter to the
// next sheet shown with its image loaded, and a 20,000-record queue: first page, heap while paging 1,000.

const RECORDS = 40;
/**
 * A technician looks at each sheet before typing its stamp (zoom, read, type: seconds in practice). The
 * station uses that time to fetch the next record and image and to finish the previous save, so the
 * benchmark waits this long after a sheet is on screen, and says so in the results.
 */
const READING_MS = 600;
const QUEUE = 20_000;
const PAGED = Number(process.env.BENCH_PAGED ?? 1_000);

/**
 * Image-only records as a batch upload leaves them, sorting before the demo's own (DEMO00001…), each with
 * a copy of the image of one of `imagesOf` (record numbers), in turn. Returns their barcodes.
 */
export async function addSkeletalRecords(page, count, firstBarcode, imagesOf = [36]) {
  return page.evaluate(
    ({ count, firstBarcode, imagesOf, skeletal }) => {
      const portal = window.__demoPortal;
      const images = imagesOf.map((o) => portal.state.media.find((m) => m.occid === o));
      const made = [];
      for (let i = 0; i < count; i++) {
        const occid = portal.state.next.occid++;
        portal.state.records.push({
          occid,
          collid: 1,
          fields: { ...skeletal, catalogNumber: `DEMO${String(firstBarcode + i).padStart(7, '0')}` },
        });
        portal.state.media.push({ ...images[i % images.length], mediaId: portal.state.next.media++, occid });
        made.push(`DEMO${String(firstBarcode + i).padStart(7, '0')}`);
      }
      portal.changed();
      return made;
    },
    { count, firstBarcode, imagesOf, skeletal: SKELETAL_FIELDS },
  );
}

/**
 * These figures are the technician typing every stamp, as before the station read sheets: the records the
 * benchmark adds all carry one sheet's image, which the barcode check would rightly flag. Reading is
 * measured on its own (scripts/bench/ocr.mjs).
 */
async function withoutReading(page) {
  await page.route('**/demo/config.json', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, reading: { enabled: false } } });
  });
}

async function waitForSheet(page, barcode, loaded) {
  await page.waitForFunction(
    ({ barcode, loaded }) => {
      const figure = document.querySelector('figure.specimen-viewer');
      const field = document.querySelector('input[name="accession"]');
      return (
        figure?.getAttribute('aria-label') === `Sheet ${barcode}` &&
        (!loaded || figure.getAttribute('data-image-state') === 'loaded') &&
        document.activeElement === field
      );
    },
    { barcode, loaded },
    { timeout: 10_000 },
  );
}

/** Times Enter in the accession field → the next sheet on screen with its image loaded. */
async function instrument(page) {
  await page.evaluate(() => {
    const bench = { enterAt: null, from: null, nextRecord: [] };
    window.__bench2 = bench;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.name === 'accession') {
          bench.enterAt = e.timeStamp;
          bench.from = document.querySelector('figure.specimen-viewer')?.getAttribute('aria-label') ?? null;
        }
      },
      true,
    );
    const check = () => {
      if (bench.enterAt === null) return;
      const figure = document.querySelector('figure.specimen-viewer');
      if (!figure || figure.getAttribute('aria-label') === bench.from) return;
      if (figure.getAttribute('data-image-state') !== 'loaded') return;
      bench.nextRecord.push(performance.now() - bench.enterAt);
      bench.enterAt = null;
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      attributes: true,
      childList: true,
      attributeFilter: ['data-image-state', 'aria-label'],
    });
  });
}

async function countedInputs(page, run) {
  let inputs = 0;
  const press = async (key) => {
    inputs++;
    await page.keyboard.press(key);
  };
  const type = async (text) => {
    inputs++;
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  await run({ press, type });
  return inputs;
}

async function linkingFigures(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withoutReading(page);
  await logIn(page, base);
  await addSkeletalRecords(page, RECORDS, 100);
  await page.keyboard.press('Alt+2');
  await instrument(page);
  const mouseInputs = await countMouse(page);
  const first = 'DEMO0000100';
  await waitForSheet(page, first, true);

  // No duplicate: each record is typed, checked and saved; the next sheet shows.
  const noDuplicate = [];
  for (let i = 0; i < RECORDS; i++) {
    const next = i + 1 < RECORDS ? `DEMO${String(101 + i).padStart(7, '0')}` : 'DEMO0001231';
    noDuplicate.push(
      await countedInputs(page, async ({ type }) => {
        await page.waitForTimeout(READING_MS);
        await type(String(8100 + i));
        await waitForSheet(page, next, true);
      }),
    );
  }
  // A merge: DEMO0001231 … 1233 are left for later, DEMO0001234 holds stamp 1499 (legacy record 1).
  for (const next of ['DEMO0001232', 'DEMO0001233', 'DEMO0001234']) {
    await page.keyboard.press('F4');
    await waitForSheet(page, next, true);
  }
  const merge = await countedInputs(page, async ({ press, type }) => {
    await type('1499');
    await page.getByRole('heading', { name: /already holds accession 1499/ }).waitFor();
    await press('m');
    await page.getByRole('heading', { name: 'Merged into record 1' }).waitFor();
    await press('Enter');
    await waitForSheet(page, 'DEMO0001235', true);
  });
  await page.waitForFunction(() => !document.body.textContent?.includes('Saving…'), null, {
    timeout: 30_000,
  });
  const saved = await page.evaluate(
    ({ count }) =>
      Array.from({ length: count }, (_, i) => `DEMO${String(100 + i).padStart(7, '0')}`).filter((barcode) => {
        const portal = window.__demoPortal;
        const record = portal.state.records.find((r) => r.fields.catalogNumber === barcode);
        return record && portal.identifiersOf(record.occid).length === 1;
      }).length,
    { count: RECORDS },
  );
  const merged = await page.evaluate(
    () => window.__demoPortal.record(1)?.fields.catalogNumber === 'DEMO0001234',
  );
  const bench = await page.evaluate(() => ({
    nextRecord: window.__bench2.nextRecord,
  }));
  const mouse = await mouseInputs();
  await context.close();
  return {
    inputsNoDuplicate: Math.max(...noDuplicate),
    inputsMerge: merge,
    mouseInputs: mouse,
    recordsSaved: `${saved}/${RECORDS}`,
    mergeLanded: merged,
    nextRecordMs: {
      readingPauseMs: READING_MS,
      p50: round(percentile(bench.nextRecord, 50)),
      p95: round(percentile(bench.nextRecord, 95)),
      max: round(Math.max(...bench.nextRecord)),
      samples: bench.nextRecord.length,
    },
  };
}

async function heapMb(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function bigQueue(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await withoutReading(page);
  await logIn(page, base);
  // Only the benchmark's records in this queue: the demo's own ten leave it.
  await page.evaluate(() => {
    const portal = window.__demoPortal;
    for (const r of portal.state.records)
      if (r.fields.processingStatus === 'unprocessed') r.fields.processingStatus = 'stage 1';
  });
  await addSkeletalRecords(page, QUEUE, 1_000_000);
  if (process.env.BENCH_NO_OSD) await page.evaluate(() => (window.matchMedia = undefined));
  const started = Date.now();
  await page.keyboard.press('Alt+2');
  const firstPageMs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const check = () => {
          const figure = document.querySelector('figure.specimen-viewer');
          if (figure?.getAttribute('aria-label') === 'Sheet DEMO1000000') resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  const wallFirstPageMs = Date.now() - started;
  await waitForSheet(page, 'DEMO1000000', true);
  const total = await page.locator('.queue-position').textContent();

  const warmUp = 50;
  const heap = [];
  for (let i = 1; i <= PAGED; i++) {
    await page.keyboard.press('F4');
    await waitForSheet(page, `DEMO${1_000_000 + i}`, false);
    if (i === warmUp) heap.push(await heapMb(page, cdp));
    if (i % 250 === 0) heap.push(await heapMb(page, cdp));
  }
  await context.close();
  return {
    records: QUEUE,
    queueText: total?.trim(),
    firstPageMs: round(Math.max(firstPageMs, 0)),
    firstPageWallMs: wallFirstPageMs,
    pagedThrough: PAGED,
    heapMb: heap.map(round),
    heapGrowthMb: round(heap[heap.length - 1] - heap[0]),
    heapGrowthAfter250Mb: round(heap[heap.length - 1] - heap[1]),
  };
}

export async function benchOption2(browser, base) {
  if (process.env.BENCH_ONLY_QUEUE) return { queue20k: await bigQueue(browser, base) };
  const figures = await linkingFigures(browser, base);
  const queue20k = await bigQueue(browser, base);
  return { ...figures, queue20k };
}
