import { quoted } from './text';
import { accept, refuse, type Checked } from './result';

export interface BarcodeRules {
  /** Regex source every barcode of this collection matches, e.g. `^DEMO\d{7}$`. */
  pattern: string;
  /** Characters the scanner is programmed to send before / after the code. */
  scannerPrefix: string;
  scannerSuffix: string;
}

/** AIM symbology identifiers some scanners prepend: `]` + code letter + modifier, e.g. `]C1`, `]A0`. */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** What a scan looks like once the scanner's own decorations are removed. */
export function cleanScan(raw: string, rules: BarcodeRules): string {
  let text = raw.replace(/[\r\n\t]+$/, '').trim();
  if (rules.scannerPrefix && text.startsWith(rules.scannerPrefix))
    text = text.slice(rules.scannerPrefix.length);
  if (rules.scannerSuffix && text.endsWith(rules.scannerSuffix))
    text = text.slice(0, -rules.scannerSuffix.length);
  text = text.trim().replace(AIM_PREFIX, '');
  return text.trim();
}

export function looksLikeBarcode(raw: string, rules: BarcodeRules): boolean {
  return new RegExp(rules.pattern).test(cleanScan(raw, rules));
}

export function readBarcode(raw: string, rules: BarcodeRules): Checked<string> {
  const value = cleanScan(raw, rules);
  if (value === '') return refuse('check.barcode.empty');
  if (new RegExp(rules.pattern).test(value)) return accept(value);
  if (/^\d{1,8}$/.test(value)) return refuse('check.barcode.looks-like-accession', quoted(value));
  return refuse('check.barcode.wrong-pattern', { ...quoted(value), pattern: rules.pattern });
}
