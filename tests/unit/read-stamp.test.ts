// @vitest-environment node
import { expect, it } from 'vitest';
import type { OcrWord } from '../../src/domain/stamp-reading';
import { readStamp, type Ocr } from '../../src/readers/read-stamp';
import { decodeSheet } from '../support/sheet-pipeline';

/**
 * The app's stamp reader on a real sheet, its OCR played by the test: what it keeps of readings that did not
 * give a number to propose.
 */

/** A word as tesseract returns it on a line cut out 42 pixels a character (`ink-mask`). */
function word(text: string, x: number): OcrWord {
  const [height, width, top] = [42, 25, 10];
  const symbols = [...text].map((ch, i) => ({
    text: ch,
    confidence: 96,
    box: { x: x + i * (width + 6), y: top, width, height },
  }));
  return { text, confidence: 90, symbols, box: { x, y: top, width: symbols.length * (width + 6), height } };
}

it('a line that shows two numbers proposes neither, and keeps them for the portal to be asked about', async () => {
  const pixels = decodeSheet('public/demo/imglib/DEMO_VP/DEMO0001/DEMO0001231.jpg');
  // Every line the reader cuts out reads as a stray 7 beside 1013 (a stamp over a plant's figure).
  const ocr: Ocr = () => Promise.resolve([{ text: '7 ~1013', words: [word('7', 40), word('~1013', 100)] }]);
  const { stamp } = await readStamp(pixels, ocr, {
    confidenceFloor: 80,
    profile: null,
    evidence: { barcodes: [] },
  });
  expect(stamp.kind).toBe('unread');
  expect(stamp.kind === 'unread' && stamp.read).toEqual(['1013', '7']);
});

it('a number its own checks withheld is kept for the portal as read, without reading the line again', async () => {
  const pixels = decodeSheet('public/demo/imglib/DEMO_VP/DEMO0001/DEMO0001231.jpg');
  // The reading finds letters run into the number: it is not proposed, but the portal may be asked about it
  // (and about numbers one digit off it, src/domain/stamp-confirmation.ts).
  const heights: number[] = [];
  const ocr: Ocr = (image) => {
    heights.push(image.height);
    return Promise.resolve([{ text: 'SFA 1013', words: [word('SFA', 10), word('1013', 160)] }]);
  };
  const { stamp } = await readStamp(pixels, ocr, {
    confidenceFloor: 80,
    profile: null,
    evidence: { barcodes: [] },
  });
  expect(stamp.kind === 'unread' && stamp.read).toEqual(['1013']);
  expect(heights.every((h) => h <= 1.2 * Math.min(...heights))).toBe(true);
});

it('digits the reading could not make a number of are read larger, once, on the likeliest line only', async () => {
  const pixels = decodeSheet('public/demo/imglib/DEMO_VP/DEMO0001/DEMO0001231.jpg');
  // Every line reads `91M12` (a ghost stamp's stroke through a 7); larger, the first one reads 91112.
  const heights: number[] = [];
  let largerReadings = 0;
  const ocr: Ocr = (image) => {
    heights.push(image.height);
    if (image.height > 1.2 * Math.min(...heights)) {
      largerReadings++;
      return Promise.resolve([{ text: '91112', words: [word('91112', 100)] }]);
    }
    return Promise.resolve([{ text: '91M12', words: [word('91M12', 100)] }]);
  };
  const { stamp, candidates } = await readStamp(pixels, ocr, {
    confidenceFloor: 80,
    profile: null,
    evidence: { barcodes: [] },
  });
  expect(candidates.length).toBeGreaterThan(1);
  expect(largerReadings).toBe(1);
  expect(stamp.kind === 'unread' && stamp.read).toEqual(['91112']);
});
