import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { said } from '../../src/domain/said';
import { labelMask, readLabelLines, type LabelHints } from '../../src/domain/sheet-reading';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import {
  checkSheetBarcode,
  findStamp,
  pickStampNumber,
  stampMask,
  type Mask,
  type OcrWord,
  type Pixels,
  type StampReading,
} from '../../src/domain/sheet-reading';

/**
 * The station's sheet reading with Node in place of the browser: the same domain rules and the same
 * libraries (tesseract.js, zxing-wasm) from the project's own node_modules, nothing fetched.
 */
const require = createRequire(import.meta.url);

export function decodeSheet(path: string): Pixels {
  const image = jpeg.decode(readFileSync(path), { useTArray: true, maxMemoryUsageInMB: 1024 });
  return { data: image.data, width: image.width, height: image.height };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, body: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

/** A gray PNG, as the browser's OffscreenCanvas would hand the OCR. */
export function grayPng(mask: Mask): Buffer {
  const rows = Buffer.alloc((mask.width + 1) * mask.height);
  for (let y = 0; y < mask.height; y++) {
    rows[y * (mask.width + 1)] = 0;
    rows.set(mask.data.subarray(y * mask.width, (y + 1) * mask.width), y * (mask.width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(mask.width, 0);
  header.writeUInt32BE(mask.height, 4);
  header[8] = 8;
  header[9] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
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

export async function ocrWorker(): Promise<Worker> {
  // The same English model the build serves (vite.config.ts, sheetReaderAssets).
  const langPath = resolve(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const worker = await createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
  return worker;
}

export async function wordsOf(worker: Worker, png: Buffer): Promise<OcrWord[]> {
  const result = await worker.recognize(png, {}, { blocks: true });
  return (result.data.blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) =>
      p.lines.flatMap((l) =>
        l.words.map((w) => ({ text: w.text, confidence: w.confidence, height: w.bbox.y1 - w.bbox.y0 })),
      ),
    ),
  );
}

export interface SheetRead {
  stamp: StampReading;
  barcodes: string[];
}

/** One sheet read as the station reads it. */
export async function readSheet(worker: Worker, path: string, threshold: number): Promise<SheetRead> {
  const pixels = decodeSheet(path);
  zxing();
  const found = await readBarcodes(
    {
      data: new Uint8ClampedArray(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength),
      width: pixels.width,
      height: pixels.height,
      colorSpace: 'srgb',
    } as ImageData,
    { formats: ['Code39', 'Code128', 'DataMatrix'], tryHarder: true, maxNumberOfSymbols: 4 },
  );
  const barcodes = found.filter((b) => b.isValid).map((b) => b.text);
  const box = findStamp(pixels);
  if (!box) return { stamp: { kind: 'unread', why: said('check.stamp.no-ink') }, barcodes };
  const words = await wordsOf(worker, grayPng(stampMask(pixels, box)));
  return { stamp: pickStampNumber(words, threshold), barcodes };
}

/** The printed label's hints, as the station reads them after the stamp. */
export async function readLabel(worker: Worker, path: string): Promise<LabelHints> {
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  try {
    const result = await worker.recognize(grayPng(labelMask(decodeSheet(path))));
    return readLabelLines(result.data.text.split('\n'));
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
  }
}

export { checkSheetBarcode };
