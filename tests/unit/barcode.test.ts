import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/domain/result';
import { say } from '../../src/i18n/intl';
import { cleanScan, looksLikeBarcode, readBarcode, type BarcodeRules } from '../../src/domain/barcode';

/** A refusal as the station words it (English in tests). */
const refusal = (r: Checked<unknown>) => (r.ok ? null : say(r.problem));

const demo: BarcodeRules = { pattern: '^DEMO\\d{7}$', scannerPrefix: '', scannerSuffix: '' };
const decorated: BarcodeRules = { pattern: '^DEMO\\d{7}$', scannerPrefix: '#', scannerSuffix: '$' };

describe('cleaning a scan', () => {
  it.each([
    ['DEMO0001241', 'DEMO0001241'],
    ['  DEMO0001241\r\n', 'DEMO0001241'],
    ['DEMO0001241\t', 'DEMO0001241'],
    [']C1DEMO0001241', 'DEMO0001241'],
    [']A0DEMO0001241', 'DEMO0001241'],
  ])('%j → %s', (raw, clean) => expect(cleanScan(raw, demo)).toBe(clean));

  it('strips the configured scanner prefix and suffix', () => {
    expect(cleanScan('#DEMO0001241$', decorated)).toBe('DEMO0001241');
    expect(cleanScan('#]C1DEMO0001241$\r', decorated)).toBe('DEMO0001241');
  });
});

describe('reading a barcode', () => {
  it('accepts a barcode of the collection', () => {
    expect(readBarcode(']C1DEMO0001241', demo)).toEqual({ ok: true, value: 'DEMO0001241' });
  });

  it('asks for a scan when nothing came', () => {
    expect(refusal(readBarcode('  ', demo))).toMatch(/Scan the barcode/);
  });

  it('catches an accession number scanned or typed into the barcode field', () => {
    expect(refusal(readBarcode('1499', demo))).toMatch(/looks like an accession number/);
  });

  it('refuses a code of another pattern', () => {
    expect(refusal(readBarcode('ASU0012345', demo))).toMatch(/not one of this collection's barcodes/);
  });

  it('recognises a barcode scanned into the accession field', () => {
    expect(looksLikeBarcode('DEMO0001241\r', demo)).toBe(true);
    expect(looksLikeBarcode('1499', demo)).toBe(false);
  });
});
