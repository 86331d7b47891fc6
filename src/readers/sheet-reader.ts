import type { Said } from '../domain/said';
import type { BarcodeCheck, LabelHints, LabelLook, SheetTurn, StampReading } from '../domain/sheet-reading';
import type { Region, StampProfile } from '../domain/stamp-profile';
import type { ProfileSample } from '../domain/stamp-profile-learning';
import type { ReadingSettings } from '../domain/station';

/** What the station read on one sheet. */
export interface SheetReading {
  stamp: StampReading;
  /**
   * The stamp as cut from the sheet (an object URL), shown beside the proposal so the eye checks it; when
   * there is no proposal, the likeliest line that was read, shown with the reason.
   */
  stampCrop: string | null;
  barcode: BarcodeCheck;
  /** How far the scan is turned, from its barcode's direction; null (or absent) without a barcode. */
  turn?: SheetTurn | null;
  /** How long the reading took (ms). */
  ms: number;
}

/** A sheet the readers could not read, and why, as a code (`viewer.reading.…`) the screen words. */
export class SheetUnreadable extends Error {
  readonly said: Said;
  constructor(why: Said) {
    super(why.code);
    this.name = 'SheetUnreadable';
    this.said = why;
  }
}

/** Reads sheets in workers; a sheet already read (or being read) is not read again. */
export interface SheetReader {
  /** The stamp and the barcode; with the collection's stamp profile, where and in which ink to look first. */
  read(imageUrl: string, catalogNumber: string | null, profile?: StampProfile | null): Promise<SheetReading>;
  /**
   * The printed label's collector, number and date, read after the stamp (a slower, second OCR); `turn`,
   * the scan's turn the reading found, lets a sideways scan's label be read too; `look`, how its print is
   * told from its paper (a second, `local` look for a blurred or heavily compressed label).
   */
  readLabel(imageUrl: string, turn?: SheetTurn | null, look?: LabelLook): Promise<LabelHints>;
  /** What a supervisor's box round the stamp shows (its ink, its digits' height), for a stamp profile. */
  sampleStamp(imageUrl: string, box: Region): Promise<ProfileSample | null>;
  /** Starts the readers (loads the OCR engine and its data) before the first sheet arrives. */
  warm(): void;
}

/**
 * The browser's reader, loaded only when first needed: tesseract.js, its core and its English data and
 * zxing-wasm come from the app's own origin (built into `ocr/` and the assets), never a CDN.
 */
export function lazySheetReader(settings: ReadingSettings): SheetReader {
  let reader: Promise<SheetReader> | null = null;
  const load = () =>
    (reader ??= import('./browser-sheet-reader').then((m) => m.browserSheetReader(settings)));
  return {
    read(imageUrl, catalogNumber, profile) {
      return load().then((r) => r.read(imageUrl, catalogNumber, profile));
    },
    readLabel(imageUrl, turn, look) {
      return load().then((r) => r.readLabel(imageUrl, turn, look));
    },
    sampleStamp(imageUrl, box) {
      return load().then((r) => r.sampleStamp(imageUrl, box));
    },
    warm() {
      void load().then(
        (r) => r.warm(),
        () => undefined,
      );
    },
  };
}
