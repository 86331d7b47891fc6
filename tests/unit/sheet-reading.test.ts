// @vitest-environment node
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSheetBarcode } from '../../src/domain/sheet-reading';
import { DEMO_SHEETS_DIR, DEMO_STAMPS } from '../support/demo-stamps';
import { ocrWorker, readLabel, readSheet } from '../support/sheet-pipeline';

describe('reading the demo sheets as the station does (tesseract.js, zxing-wasm)', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await ocrWorker();
  }, 60_000);
  afterAll(() => worker.terminate());

  it.each(DEMO_STAMPS)(
    'sheet $barcode: stamp $stamp, and its own barcode',
    async ({ barcode: catalogNumber, stamp }) => {
      const read = await readSheet(worker, `${DEMO_SHEETS_DIR}/${catalogNumber}.jpg`, {
        confidenceFloor: 80,
      });
      if (stamp === null) expect(read.stamp.kind).toBe('unread');
      else expect(read.stamp).toMatchObject({ kind: 'proposal', proposal: { value: stamp } });
      expect(
        checkSheetBarcode(
          catalogNumber,
          read.barcodes.map((b) => b.text),
        ),
      ).toEqual({
        kind: 'matches',
        shown: catalogNumber,
      });
    },
    30_000,
  );
});

describe('the printed label, read as hints', () => {
  it.each([
    ['DEMO0001234', { collector: 'J. Smith', number: '212', date: '1961-07-14' }],
    ['DEMO0001235', { collector: 'R. A. Darrow', number: '1045', date: '1958-06-02' }],
    ['DEMO0001237', { collector: 'T. B. Nguyen', number: '77', date: '1979-07-03' }],
    ['DEMO0001239', { collector: 'W. H. Brown', number: '502', date: '1964-05-27' }],
    ['DEMO0001240', { collector: 'M. K. Lopez', number: '301', date: '1975-07-18' }],
  ])(
    'sheet %s: collector, number and date',
    async (barcode, expected) => {
      const worker = await ocrWorker();
      try {
        expect(await readLabel(worker, `${DEMO_SHEETS_DIR}/${barcode}.jpg`)).toEqual(expected);
      } finally {
        await worker.terminate();
      }
    },
    30_000,
  );
});

describe('an image named with the wrong barcode', () => {
  it('shows its own barcode, which is not the record’s', async () => {
    const worker = await ocrWorker();
    try {
      // Record DEMO0001231 given the image of DEMO0001232, as a batch upload with a misnamed file does.
      const read = await readSheet(worker, `${DEMO_SHEETS_DIR}/DEMO0001232.jpg`, { confidenceFloor: 80 });
      expect(
        checkSheetBarcode(
          'DEMO0001231',
          read.barcodes.map((b) => b.text),
        ),
      ).toEqual({
        kind: 'mismatch',
        shown: ['DEMO0001232'],
      });
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});

describe('the barcode in the picture', () => {
  it('matches the record, is another barcode, or cannot be read', () => {
    expect(checkSheetBarcode('DEMO0001231', ['DEMO0001231'])).toEqual({
      kind: 'matches',
      shown: 'DEMO0001231',
    });
    expect(checkSheetBarcode('DEMO0001231', ['*DEMO0001299*'])).toEqual({
      kind: 'mismatch',
      shown: ['DEMO0001299'],
    });
    expect(checkSheetBarcode('DEMO0001231', [])).toEqual({ kind: 'unreadable' });
  });
});
