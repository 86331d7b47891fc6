import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { checkSheetBarcode, pickStampNumber, type OcrWord } from '../domain/sheet-reading';
import type { ReadingSettings } from '../domain/station';
import type { PixelsAnswer, PixelsRequest } from './pixels.worker';
import type { SheetReader, SheetReading } from './sheet-reader';

/** Where the build puts tesseract.js's worker, cores and English data (vite.config.ts, `sheetReaderAssets`). */
export const OCR_ASSETS = 'ocr';

export function browserSheetReader(settings: ReadingSettings): SheetReader {
  const base = new URL(`./${OCR_ASSETS}/`, document.baseURI).toString();
  let ocr: Promise<Worker> | null = null;
  const startOcr = () =>
    (ocr ??= createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${base}worker.min.js`,
      corePath: `${base}core`,
      langPath: `${base}lang`,
      gzip: true,
      workerBlobURL: false,
    }).then(async (worker) => {
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
      return worker;
    }));

  const pixels = new Worker(new URL('./pixels.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<number, (answer: PixelsAnswer) => void>();
  pixels.onmessage = (event: MessageEvent<PixelsAnswer>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  const readPixels = (url: string) =>
    new Promise<PixelsAnswer>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      pixels.postMessage({ id, url, formats: settings.barcodeFormats } satisfies PixelsRequest);
    });

  // One OCR at a time: the next sheet is read while the technician works on this one.
  let queue: Promise<unknown> = Promise.resolve();
  const cache = new Map<string, Promise<SheetReading>>();

  async function readSheet(url: string, catalogNumber: string | null): Promise<SheetReading> {
    const started = performance.now();
    const answer = await readPixels(url);
    if (answer.error) throw new Error(answer.error);
    const barcode = checkSheetBarcode(catalogNumber, answer.barcodes);
    if (!answer.mask)
      return {
        stamp: { kind: 'unread', why: 'there is no stamp ink on the sheet' },
        stampCrop: null,
        barcode,
        ms: performance.now() - started,
      };
    const worker = await startOcr();
    const result = await worker.recognize(answer.mask, {}, { blocks: true });
    const words: OcrWord[] = (result.data.blocks ?? []).flatMap((b) =>
      b.paragraphs.flatMap((p) =>
        p.lines.flatMap((l) =>
          l.words.map((w) => ({ text: w.text, confidence: w.confidence, height: w.bbox.y1 - w.bbox.y0 })),
        ),
      ),
    );
    return {
      stamp: pickStampNumber(words, settings.stampConfidence),
      stampCrop: answer.crop ? URL.createObjectURL(answer.crop) : null,
      barcode,
      ms: performance.now() - started,
    };
  }

  return {
    warm() {
      void startOcr().catch(() => undefined);
    },
    read(url, catalogNumber) {
      const key = `${url}|${catalogNumber ?? ''}`;
      let reading = cache.get(key);
      if (!reading) {
        reading = queue.then(() => readSheet(url, catalogNumber));
        queue = reading.catch(() => undefined);
        cache.set(key, reading);
        // A failed reading may be tried again later (the image may load next time).
        reading.catch(() => cache.delete(key));
      }
      return reading;
    },
  };
}
