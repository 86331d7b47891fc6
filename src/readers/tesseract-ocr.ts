import type { Worker } from 'tesseract.js';
import type { Mask } from '../domain/sheet-reading';
import type { OcrWord } from '../domain/stamp-reading';
import type { Ocr, OcrLine } from './read-stamp';

/**
 * tesseract.js as the reader's OCR, the same in the browser's worker and in Node: the image goes in as a
 * PGM (Leptonica reads it as it is: no encoder, no colour management between the two), the words come back
 * with their characters' boxes.
 */

/** Page segmentation modes (tesseract's PSM): one line of text, or a page of lines. */
const LAYOUT = { line: '7', page: '3' } as const;

export function pgm(image: Mask): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

const box = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
  x: b.x0,
  y: b.y0,
  width: b.x1 - b.x0,
  height: b.y1 - b.y0,
});

export function tesseractOcr(worker: Worker): Ocr {
  let layout: keyof typeof LAYOUT | null = null;
  return async (image, wanted) => {
    if (layout !== wanted) {
      await worker.setParameters({
        tessedit_pageseg_mode: LAYOUT[wanted] as never,
        // The images are made at a known size: tesseract need not guess a resolution.
        user_defined_dpi: '300',
        // Bold, over-inked digits fill most of their box; tesseract's default (0.7) drops such blobs as
        // noise and the line reads empty.
        textord_noise_area_ratio: '1.0',
        // A stamp's line is one row of characters: tesseract must not drop it as a row of noise (patchy ink
        // in specks reads as nothing otherwise). A label's page keeps tesseract's default.
        textord_noise_rejrows: wanted === 'line' ? '0' : '1',
        // tesseract's own diagnostics (a table of row statistics on some lines) go nowhere, not to the console.
        debug_file: '/dev/null',
      });
      layout = wanted;
    }
    const result = await worker.recognize(pgm(image) as unknown as Buffer, {}, { blocks: true, text: false });
    const lines: OcrLine[] = [];
    for (const block of result.data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const line of paragraph.lines)
          lines.push({
            text: line.text.trim(),
            words: line.words.map((w): OcrWord => ({
              text: w.text,
              confidence: w.confidence,
              box: box(w.bbox),
              symbols: w.symbols.map((s) => ({ text: s.text, confidence: s.confidence, box: box(s.bbox) })),
            })),
          });
    return lines;
  };
}
