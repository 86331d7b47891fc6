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

it('a number its own checks withheld is read again in gray, and both numbers are kept for the portal', async () => {
  const pixels = decodeSheet('public/demo/imglib/DEMO_VP/DEMO0001/DEMO0001231.jpg');
  // The first reading (black on white) finds letters run into the number; the gray rendering reads
  // another number. Neither is proposed; both may be asked about.
  const gray = (image: { data: Uint8Array }) => image.data.some((v) => v !== 0 && v !== 255);
  const ocr: Ocr = (image) =>
    Promise.resolve(
      gray(image)
        ? [{ text: '1018', words: [word('1018', 100)] }]
        : [{ text: 'SFA 1013', words: [word('SFA', 10), word('1013', 160)] }],
    );
  const { stamp } = await readStamp(pixels, ocr, {
    confidenceFloor: 80,
    profile: null,
    evidence: { barcodes: [] },
  });
  expect(stamp.kind).toBe('unread');
  expect(stamp.kind === 'unread' && stamp.read).toEqual(expect.arrayContaining(['1013', '1018']));
});
