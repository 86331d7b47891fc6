/// <reference lib="webworker" />
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import zxingWasm from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { said, type Said } from '../domain/said';
import { findStamp, labelMask, stampMask, type Box, type Mask } from '../domain/sheet-reading';
import type { BarcodeFormat } from '../domain/station';

/**
 * The pixel work of reading a sheet, off the main thread: decode the image, find and isolate the stamp,
 * decode the barcodes. The OCR itself runs in tesseract.js's own worker.
 */
export interface PixelsRequest {
  id: number;
  url: string;
  formats: BarcodeFormat[];
}

export interface PixelsAnswer {
  id: number;
  /** The stamp's ink alone, black on white (PNG), for the OCR; null: no stamp ink on the sheet. */
  mask: Blob | null;
  /** The stamp as it looks on the sheet (JPEG), for the technician. */
  crop: Blob | null;
  box: Box | null;
  /** The label's print, black on white (PNG), for the label hints. */
  label: Blob | null;
  barcodes: string[];
  /** Why the sheet could not be read, as a code (`viewer.reading.…`). */
  error: Said | null;
}

/** A failure the worker can name. */
class Unreadable extends Error {
  constructor(readonly said: Said) {
    super(said.code);
  }
}

// The wasm file is one of the app's own assets: zxing-wasm would otherwise fetch it from a CDN.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWasm : prefix + path),
  },
});

async function read({ id, url, formats }: PixelsRequest): Promise<PixelsAnswer> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Unreadable(said('viewer.reading.http', { status: response.status }));
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Unreadable(said('viewer.reading.no-canvas'));
  context.drawImage(bitmap, 0, 0);
  const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
  const found = await readBarcodes(image, { formats, tryHarder: true, maxNumberOfSymbols: 4 });
  const barcodes = found.filter((b) => b.isValid).map((b) => b.text);
  const label = await png(labelMask(image));
  const box = findStamp(image);
  if (!box) return { id, mask: null, crop: null, box: null, label, barcodes, error: null };
  const scale = Math.max(1, Math.round(Math.min(bitmap.width, bitmap.height) / 900));
  const mask = await png(stampMask(image, box, scale));
  const cropWidth = Math.min(360, box.width);
  const cropCanvas = new OffscreenCanvas(cropWidth, Math.round((box.height * cropWidth) / box.width));
  cropCanvas
    .getContext('2d')!
    .drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, cropCanvas.width, cropCanvas.height);
  bitmap.close();
  return {
    id,
    mask,
    crop: await cropCanvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }),
    box,
    label,
    barcodes,
    error: null,
  };
}

/** A gray mask as a PNG for the OCR. */
function png(mask: Mask): Promise<Blob> {
  const canvas = new OffscreenCanvas(mask.width, mask.height);
  const context = canvas.getContext('2d')!;
  const rgba = context.createImageData(mask.width, mask.height);
  for (let i = 0; i < mask.data.length; i++) {
    const v = mask.data[i]!;
    rgba.data[i * 4] = v;
    rgba.data[i * 4 + 1] = v;
    rgba.data[i * 4 + 2] = v;
    rgba.data[i * 4 + 3] = 255;
  }
  context.putImageData(rgba, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

self.onmessage = (event: MessageEvent<PixelsRequest>) => {
  read(event.data).then(
    (answer) => self.postMessage(answer),
    (error: unknown) =>
      self.postMessage({
        id: event.data.id,
        mask: null,
        crop: null,
        box: null,
        label: null,
        barcodes: [],
        error:
          error instanceof Unreadable
            ? error.said
            : said('viewer.reading.other', { text: error instanceof Error ? error.message : String(error) }),
      } satisfies PixelsAnswer),
  );
};
