import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import { createWorker, type Worker } from 'tesseract.js';
import { prepareZXingModule } from 'zxing-wasm/reader';
import type { LabelHints, LabelLook, Pixels, SheetTurn } from '../../src/domain/sheet-reading';
import type { StampProfile } from '../../src/domain/stamp-profile';
import { DEFAULT_READING } from '../../src/domain/station';
import { readLabelHints, readSheetPixels, type SheetRead } from '../../src/readers/read-sheet';
import type { Ocr } from '../../src/readers/read-stamp';
import { tesseractOcr } from '../../src/readers/tesseract-ocr';

/**
 * The station's sheet reading with Node in place of the browser: the app's own functions
 * (src/readers/read-sheet.ts) at the app's own scale, with the same libraries from the project's
 * node_modules. All this file does is what the browser does otherwise: decode the JPEG, load tesseract.js
 * and zxing-wasm. Nothing is fetched.
 */
const require = createRequire(import.meta.url);

/**
 * Decodes a sheet as Chromium does: Skia's JPEG decoder (@napi-rs/canvas) gives the same pixels as the
 * browser's createImageBitmap and canvas, byte for byte (checked on the varied set), where jpeg-js rounds
 * its colour upsampling differently and a reading on the edge of a check can go the other way.
 */
export function decodeSheet(path: string): Pixels {
  const image = new Image();
  image.src = readFileSync(path);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { data, width: image.width, height: image.height };
}

let zxingReady = false;
function zxing() {
  if (zxingReady) return;
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
  zxingReady = true;
}

/** tesseract.js with the English model the build serves (vite.config.ts, sheetReaderAssets). */
export async function ocrWorker(): Promise<Worker> {
  const langPath = resolve(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  return createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' });
}

const ocrs = new WeakMap<Worker, Ocr>();
const ocrOf = (worker: Worker) => {
  let ocr = ocrs.get(worker);
  if (!ocr) ocrs.set(worker, (ocr = tesseractOcr(worker)));
  return ocr;
};

export interface ReadOptions {
  confidenceFloor?: number;
  profile?: StampProfile | null;
  catalogNumber?: string | null;
}

/** One sheet read as the station reads it. */
export async function readSheet(worker: Worker, path: string, options: ReadOptions = {}): Promise<SheetRead> {
  zxing();
  return readSheetPixels(decodeSheet(path), {
    ocr: ocrOf(worker),
    formats: DEFAULT_READING.barcodeFormats,
    confidenceFloor: options.confidenceFloor ?? DEFAULT_READING.stampConfidence,
    profile: options.profile ?? null,
    catalogNumber: options.catalogNumber ?? null,
  });
}

/** The printed label's hints, as the station reads them after the stamp. */
export function readLabel(
  worker: Worker,
  path: string,
  turn: SheetTurn | null = null,
  look: LabelLook = 'plain',
): Promise<LabelHints> {
  return readLabelHints(decodeSheet(path), ocrOf(worker), turn, look);
}
