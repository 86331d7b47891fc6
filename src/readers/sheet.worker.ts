/// <reference lib="webworker" />
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { prepareZXingModule } from 'zxing-wasm/reader';
import zxingWasm from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { said, type Said } from '../domain/said';
import {
  turnOfBarcode,
  type Box,
  type LabelHints,
  type LabelLook,
  type Pixels,
  type SheetTurn,
  type StampReading,
} from '../domain/sheet-reading';
import type { Region, StampProfile } from '../domain/stamp-profile';
import { sampleStamp, type ProfileSample } from '../domain/stamp-profile-learning';
import type { BarcodeFormat } from '../domain/station';
import { decodeBarcodes, readLabelHints, readSheetPixels } from './read-sheet';
import type { Ocr } from './read-stamp';
import { tesseractOcr } from './tesseract-ocr';

/**
 * Reading sheets off the main thread: decode the image, read its barcodes, find and read the stamp, read
 * the label; tesseract.js runs in a worker of this worker. The reading itself is src/readers/read-sheet.ts,
 * which the Node tests run too.
 */
export type SheetRequest = { id: number; ocrBase: string } & (
  | {
      kind: 'read';
      url: string;
      catalogNumber: string | null;
      profile: StampProfile | null;
      formats: BarcodeFormat[];
      confidenceFloor: number;
    }
  | { kind: 'label'; url: string; turn: SheetTurn | null; look: LabelLook }
  | { kind: 'sample'; url: string; box: Region; formats: BarcodeFormat[] }
  | { kind: 'warm' }
);

export interface StampAnswer {
  stamp: StampReading;
  /** The stamp (or the likeliest line) as it looks on the sheet (JPEG), for the technician. */
  crop: Blob | null;
  barcodes: string[];
  /** How far the scan is turned, from its barcode's direction; null without a barcode. */
  turn: SheetTurn | null;
  ms: number;
}

export type SheetAnswer = { id: number } & (
  { ok: true; value: StampAnswer | LabelHints | ProfileSample | null } | { ok: false; error: Said }
);

/** A failure the worker can name (`viewer.reading.…`). */
class Unreadable extends Error {
  constructor(readonly said: Said) {
    super(said.code);
  }
}

// The wasm file is one of the app's own assets: zxing-wasm would otherwise fetch it from a CDN.
const zxingOverrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWasm : prefix + path),
};
prepareZXingModule({ overrides: zxingOverrides });

let tesseract: Promise<TesseractWorker> | null = null;
let ocr: Promise<Ocr> | null = null;
const ocrFrom = (base: string) =>
  (ocr ??= (tesseract ??= createWorker(
    'eng',
    OEM.LSTM_ONLY,
    {
      workerPath: `${base}worker.min.js`,
      corePath: `${base}core`,
      langPath: `${base}lang`,
      gzip: true,
      workerBlobURL: false,
    },
    // A Tesseract config file, read at Init. Tesseract prints its diagnostics ("Estimating resolution as
    // 163") to stderr, which the WebAssembly core turns into a console error on every sheet; failures still
    // reach the reader as rejected jobs. tesseractOcr sets it again with each layout.
    'debug_file /dev/null',
  )).then(tesseractOcr));

/**
 * Both engines started, and each used once on a tiny image: the barcode reader's WebAssembly and the OCR's
 * model are set up on first use, which the session's first sheet would otherwise wait for.
 */
let primed: Promise<void> | null = null;
async function prime(ocrBase: string) {
  const [ocr] = await Promise.all([
    ocrFrom(ocrBase),
    prepareZXingModule({ overrides: zxingOverrides, fireImmediately: true }),
  ]);
  const width = 96;
  const height = 48;
  const line = new Uint8Array(width * height).fill(255);
  // Two upright strokes, like "11": enough for the OCR to run its line recogniser.
  for (let y = 8; y < 40; y++) for (const x0 of [30, 60]) line.fill(0, y * width + x0, y * width + x0 + 5);
  await ocr({ data: line, width, height }, 'line');
  await decodeBarcodes({ data: new Uint8Array(width * height * 4).fill(255), width, height }, ['Code39']);
}

/** The last sheet decoded: its label and its calibration sample are read off the same pixels. */
let decoded: { url: string; image: ImageBitmap; pixels: Pixels } | null = null;

async function decode(url: string) {
  if (decoded?.url === url) return decoded;
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Unreadable(said('viewer.reading.http', { status: response.status }));
  const image = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Unreadable(said('viewer.reading.no-canvas'));
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  decoded?.image.close();
  decoded = { url, image, pixels: { data, width: image.width, height: image.height } };
  return decoded;
}

async function crop(image: ImageBitmap, box: Box | null): Promise<Blob | null> {
  if (!box || box.width < 1 || box.height < 1) return null;
  const width = Math.min(360, box.width);
  const canvas = new OffscreenCanvas(width, Math.max(1, Math.round((box.height * width) / box.width)));
  canvas
    .getContext('2d')!
    .drawImage(image, box.x, box.y, box.width, box.height, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

async function answer(request: SheetRequest): Promise<StampAnswer | LabelHints | ProfileSample | null> {
  switch (request.kind) {
    case 'warm':
      await (primed ??= prime(request.ocrBase));
      return null;
    case 'read': {
      const started = performance.now();
      const sheet = await decode(request.url);
      const read = await readSheetPixels(sheet.pixels, {
        ocr: await ocrFrom(request.ocrBase),
        formats: request.formats,
        confidenceFloor: request.confidenceFloor,
        profile: request.profile,
        catalogNumber: request.catalogNumber,
      });
      return {
        stamp: read.stamp,
        crop: await crop(sheet.image, read.box),
        barcodes: read.barcodes.map((b) => b.text),
        turn: turnOfBarcode(read.barcodes[0]?.rotation),
        ms: performance.now() - started,
      };
    }
    case 'label':
      return readLabelHints(
        (await decode(request.url)).pixels,
        await ocrFrom(request.ocrBase),
        request.turn,
        request.look,
      );
    case 'sample': {
      const sheet = await decode(request.url);
      return sampleStamp(sheet.pixels, request.box, {
        barcodes: await decodeBarcodes(sheet.pixels, request.formats),
      });
    }
  }
}

// One request at a time, in the order asked: the stamp the technician waits for is asked first.
let line: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<SheetRequest>) => {
  const request = event.data;
  line = line.then(() =>
    answer(request).then(
      (value) => self.postMessage({ id: request.id, ok: true, value } satisfies SheetAnswer),
      (error: unknown) =>
        self.postMessage({
          id: request.id,
          ok: false,
          error:
            error instanceof Unreadable
              ? error.said
              : said('viewer.reading.other', {
                  text: error instanceof Error ? error.message : String(error),
                }),
        } satisfies SheetAnswer),
    ),
  );
};
