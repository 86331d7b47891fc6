import { readBarcodes } from 'zxing-wasm/reader';
import {
  checkSheetBarcode,
  fieldsKnown,
  LABEL_REGION,
  labelMask,
  readLabelLines,
  type BarcodeCheck,
  type LabelHints,
  type LabelLook,
  type Pixels,
  type SheetTurn,
} from '../domain/sheet-reading';
import { labelIdentifies } from '../domain/stamp-confirmation';
import type { SheetEvidence } from '../domain/stamp-finding';
import type { StampProfile } from '../domain/stamp-profile';
import type { BarcodeFormat } from '../domain/station';
import { readStamp, type Ocr, type StampResult } from './read-stamp';

/**
 * A whole sheet read as the station reads it: the barcodes in the picture, then the stamp. The browser's
 * worker (src/readers/sheet.worker.ts) and the Node tests (tests/support/sheet-pipeline.ts) both call these
 * functions; they differ only in how the JPEG is decoded and how the libraries are loaded.
 */

export interface DecodedBarcode {
  text: string;
  /** Degrees the code is turned clockwise in the picture (0, 90, 180, -90). */
  rotation: number;
  corners: { x: number; y: number }[];
}

export async function decodeBarcodes(pixels: Pixels, formats: BarcodeFormat[]): Promise<DecodedBarcode[]> {
  const data = new Uint8ClampedArray(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  const found = await readBarcodes(
    { data, width: pixels.width, height: pixels.height, colorSpace: 'srgb' } as ImageData,
    // Not inverted: a sheet's barcode label is dark bars on light paper. Looking for light bars on dark too
    // cost a fifth of the barcode's time and found nothing more on 106 sheets (demo, varied, unseen).
    { formats, tryHarder: true, tryInvert: false, maxNumberOfSymbols: 4 },
  );
  return found
    .filter((b) => b.isValid)
    .map((b) => ({
      text: b.text,
      rotation: b.rotation,
      corners: [b.position.topLeft, b.position.topRight, b.position.bottomRight, b.position.bottomLeft],
    }));
}

export interface SheetRead extends StampResult {
  barcode: BarcodeCheck;
  barcodes: DecodedBarcode[];
}

export interface SheetOptions {
  ocr: Ocr;
  formats: BarcodeFormat[];
  confidenceFloor: number;
  profile: StampProfile | null;
  catalogNumber: string | null;
}

export async function readSheetPixels(pixels: Pixels, options: SheetOptions): Promise<SheetRead> {
  const barcodes = await decodeBarcodes(pixels, options.formats);
  const evidence: SheetEvidence = { barcodes };
  const stamp = await readStamp(pixels, options.ocr, {
    confidenceFloor: options.confidenceFloor,
    profile: options.profile,
    evidence,
  });
  return {
    ...stamp,
    barcodes,
    barcode: checkSheetBarcode(
      options.catalogNumber,
      barcodes.map((b) => b.text),
    ),
  };
}

/**
 * The printed label's collector, number and date, as hints (a second, slower reading). Read where the
 * upright sheet has its label; when that does not give all three and the barcode shows the scan turned,
 * read again where the turned scan has it (a barcode stuck down the sheet would mislead only this second
 * look, whose hints then match no record).
 */
export async function readLabelHints(
  pixels: Pixels,
  ocr: Ocr,
  turn: SheetTurn | null = null,
  look: LabelLook = 'plain',
): Promise<LabelHints> {
  const read = async (t: SheetTurn) =>
    readLabelLines((await ocr(labelMask(pixels, LABEL_REGION, t, look), 'page')).map((l) => l.text));
  const upright = await read(0);
  if (labelIdentifies(upright) || turn === null || turn === 0) return upright;
  const turned = await read(turn);
  return fieldsKnown(turned) > fieldsKnown(upright) ? turned : upright;
}
