import manifest from '../sheets/varied/manifest.json';

/**
 * The project's varied sheet set (scripts/sheets/README.md): what each sheet should read. `accession` is the
 * number to propose (no prefix, no leading zeros), null on a sheet without a stamp.
 */
export interface VariedSheet {
  id: string;
  file: string;
  accession: string | null;
  collection: string | null;
  calibration?: boolean;
  stampBox?: { x: number; y: number; width: number; height: number };
  tags: string[];
}

export const VARIED_SHEETS_DIR = `${process.cwd()}/tests/sheets/varied`;
export const VARIED_SHEETS = manifest.sheets as unknown as VariedSheet[];

/**
 * Kept out of tuning the reader: every fifth sheet before the black-ink collection. The benchmark reports
 * them apart (scripts/bench/ocr-varied.mjs); the tests do not read them.
 */
export const HELD_OUT = ['005', '010', '015', '020', '025', '030', '035', '040', '045', '050'].map(
  (n) => `varied-${n}`,
);

export const variedSheet = (id: string) => {
  const sheet = VARIED_SHEETS.find((s) => s.id === id);
  if (!sheet) throw new Error(`No sheet ${id} in tests/sheets/varied/manifest.json`);
  return sheet;
};
