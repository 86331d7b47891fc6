import type { AccessionRules } from './accession';
import type { BarcodeRules } from './barcode';
import type { DateOrder } from './label-date';

/** A collection's rules and this deployment's settings, read from config.json at start. */
export interface StationConfig {
  /** The portal's `$CLIENT_ROOT` on this origin, e.g. `/portal` ('' when the portal sits at the root). */
  portalBasePath: string;
  /** The collection to work on; null lets the user pick one of `collectionChoices` or type an id. */
  collectionId: number | null;
  collectionChoices: number[];
  barcode: BarcodeRules;
  accession: AccessionRules;
  labelDateOrder: DateOrder;
  /** Post a portal comment with each escalation (comments are public at once, rec. 12b). */
  escalationComments: boolean;
  /** The processing status given to a record once linked; null leaves the status as it is. */
  linkedStatus: string | null;
  /** Reading the sheet for the technician: stamp proposal and barcode check (issue 11). */
  reading: ReadingSettings;
}

export type BarcodeFormat = 'Code39' | 'Code128' | 'DataMatrix' | 'QRCode' | 'EAN-13' | 'ITF';

export interface ReadingSettings {
  enabled: boolean;
  /** Below this OCR confidence (0–100) no stamp is proposed. */
  stampConfidence: number;
  /** The symbologies the barcode check looks for in the image. */
  barcodeFormats: BarcodeFormat[];
}

export const DEFAULT_READING: ReadingSettings = {
  enabled: true,
  stampConfidence: 80,
  barcodeFormats: ['Code39', 'Code128', 'DataMatrix'],
};
