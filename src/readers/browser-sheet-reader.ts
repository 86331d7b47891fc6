import { checkSheetBarcode, type LabelHints } from '../domain/sheet-reading';
import type { ProfileSample } from '../domain/stamp-profile-learning';
import type { ReadingSettings } from '../domain/station';
import { SheetUnreadable, type SheetReader, type SheetReading } from './sheet-reader';
import type { SheetAnswer, SheetRequest, StampAnswer } from './sheet.worker';

/** Where the build puts tesseract.js's worker, cores and English data (vite.config.ts, `sheetReaderAssets`). */
export const OCR_ASSETS = 'ocr';

type Asked = SheetRequest extends infer R
  ? R extends SheetRequest
    ? Omit<R, 'id' | 'ocrBase'>
    : never
  : never;

/** The sheet reader of the browser: everything runs in a worker (src/readers/sheet.worker.ts). */
export function browserSheetReader(settings: ReadingSettings): SheetReader {
  const ocrBase = new URL(`./${OCR_ASSETS}/`, document.baseURI).toString();
  const worker = new Worker(new URL('./sheet.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<number, (answer: SheetAnswer) => void>();
  worker.onmessage = (event: MessageEvent<SheetAnswer>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  const ask = <T>(request: Asked) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (answer) =>
        answer.ok ? resolve(answer.value as T) : reject(new SheetUnreadable(answer.error)),
      );
      worker.postMessage({ ...request, id, ocrBase } as SheetRequest);
    });

  const readings = new Map<string, Promise<SheetReading>>();
  const labels = new Map<string, Promise<LabelHints>>();
  /** Asked once; a failed reading may be asked again (the image may load next time). */
  const once = <T>(cache: Map<string, Promise<T>>, key: string, start: () => Promise<T>) => {
    let promise = cache.get(key);
    if (!promise) {
      promise = start();
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    return promise;
  };

  return {
    read(url, catalogNumber, profile = null) {
      return once(readings, `${url}|${catalogNumber ?? ''}|${profile?.learnedAt ?? ''}`, async () => {
        const answer = await ask<StampAnswer>({
          kind: 'read',
          url,
          catalogNumber,
          profile,
          formats: settings.barcodeFormats,
          confidenceFloor: settings.stampConfidence,
        });
        return {
          stamp: answer.stamp,
          stampCrop: answer.crop ? URL.createObjectURL(answer.crop) : null,
          barcode: checkSheetBarcode(catalogNumber, answer.barcodes),
          turn: answer.turn,
          ms: answer.ms,
        };
      });
    },
    readLabel(url, turn = null, look = 'plain') {
      // An upright scan reads as one without a barcode: one reading serves both.
      const turned = turn === 0 ? null : turn;
      return once(labels, `${url}|${turned ?? ''}|${look}`, () =>
        ask<LabelHints>({ kind: 'label', url, turn: turned, look }),
      );
    },
    sampleStamp(url, box) {
      return ask<ProfileSample | null>({ kind: 'sample', url, box, formats: settings.barcodeFormats });
    },
    warm() {
      void ask({ kind: 'warm' }).catch(() => undefined);
    },
  };
}
