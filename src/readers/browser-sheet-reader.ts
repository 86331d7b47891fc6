import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import {
  checkSheetBarcode,
  pickStampNumber,
  readLabelLines,
  type LabelHints,
  type OcrWord,
} from '../domain/sheet-reading';
import { said } from '../domain/said';
import type { ReadingSettings } from '../domain/station';
import type { PixelsAnswer, PixelsRequest } from './pixels.worker';
import { SheetUnreadable, type SheetReader, type SheetReading } from './sheet-reader';

/** Where the build puts tesseract.js's worker, cores and English data (vite.config.ts, `sheetReaderAssets`). */
export const OCR_ASSETS = 'ocr';

export function browserSheetReader(settings: ReadingSettings): SheetReader {
  const base = new URL(`./${OCR_ASSETS}/`, document.baseURI).toString();
  let ocr: Promise<Worker> | null = null;
  const startOcr = () =>
    (ocr ??= createWorker(
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
      // reach the reader as rejected jobs.
      'debug_file /dev/null',
    ).then(async (worker) => {
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
  /** The label's print from the same pass over the pixels, kept for the label hints. */
  const labels = new Map<string, Blob | null>();
  const labelHints = new Map<string, Promise<LabelHints>>();

  async function readSheet(url: string, catalogNumber: string | null): Promise<SheetReading> {
    const started = performance.now();
    const answer = await readPixels(url);
    if (answer.error) throw new SheetUnreadable(answer.error);
    labels.set(url, answer.label);
    const barcode = checkSheetBarcode(catalogNumber, answer.barcodes);
    if (!answer.mask)
      return {
        stamp: { kind: 'unread', why: said('check.stamp.no-ink') },
        stampCrop: null,
        barcode,
        ms: performance.now() - started,
      };
    const worker = await startOcr();
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
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

  async function readLabel(url: string): Promise<LabelHints> {
    if (!labels.has(url)) labels.set(url, (await readPixels(url)).label);
    const mask = labels.get(url);
    if (!mask) return { collector: null, number: null, date: null };
    const worker = await startOcr();
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
    const result = await worker.recognize(mask);
    return readLabelLines(result.data.text.split('\n'));
  }

  return {
    readLabel(url) {
      let hints = labelHints.get(url);
      if (!hints) {
        // After any stamp waiting in line: the stamp is what the technician needs first.
        hints = queue.then(() => readLabel(url));
        queue = hints.catch(() => undefined);
        labelHints.set(url, hints);
        hints.catch(() => labelHints.delete(url));
      }
      return hints;
    },
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
