import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/domain/result';
import { say } from '../../src/i18n/intl';
import {
  accessionSearchVariants,
  legacyStringHoldsAccession,
  readAccession,
  type AccessionRules,
} from '../../src/domain/accession';

/** A refusal as the station words it (English in tests). */
const refusal = (r: Checked<unknown>) => (r.ok ? null : say(r.problem));

const digitsOnly: AccessionRules = { prefixPattern: null, maxLength: 8, variantWidth: 6 };
const withPrefix: AccessionRules = { prefixPattern: 'ASU-?', maxLength: 10, variantWidth: 6 };

describe('reading a stamped accession number', () => {
  it.each([
    ['1499', '1499'],
    ['  1499 ', '1499'],
    ['01499', '1499'],
    ['0145', '145'],
    ['0000', '0'],
    ['0', '0'],
  ])('reads %j as %s', (typed, stored) => {
    expect(readAccession(typed, digitsOnly)).toEqual({
      ok: true,
      value: expect.objectContaining({ value: stored }),
    });
  });

  it.each([
    ['', /Type the accession number/],
    ['   ', /Type the accession number/],
    ['14 99', /space/],
    ['ABC12', /digits only/],
    ['123456789', /at most 8/],
    ['1499-', /not an accession number/],
  ])('refuses %j with a message', (typed, message) => {
    expect(refusal(readAccession(typed, digitsOnly))).toMatch(message);
  });

  it('counts the length after the leading zeros are gone', () => {
    expect(readAccession('0012345678', digitsOnly).ok).toBe(true);
  });

  it('suggests 0 where the letter O was typed for a digit', () => {
    expect(readAccession('1O45', digitsOnly)).toMatchObject({ ok: false, suggestion: '1045' });
    expect(refusal(readAccession('1O45', digitsOnly))).toMatch(/letter O/);
    expect(readAccession('O145', digitsOnly)).toMatchObject({ ok: false, suggestion: '145' });
  });

  it('suggests the number without the space', () => {
    expect(readAccession('14 99', digitsOnly)).toMatchObject({ suggestion: '1499' });
  });

  it('accepts the collection prefix when one is allowed, stripping zeros from the number only', () => {
    expect(readAccession('ASU-00123', withPrefix)).toEqual({
      ok: true,
      value: { value: 'ASU-123', prefix: 'ASU-', digits: '123' },
    });
    expect(readAccession('XYZ123', withPrefix).ok).toBe(false);
  });
});

describe('search variants for the portal', () => {
  const variants = (typed: string, width = 6, rules = digitsOnly) => {
    const read = readAccession(typed, rules);
    if (!read.ok) throw new Error(say(read.problem));
    return accessionSearchVariants(read.value, width);
  };

  it('pads 145 with zeros up to the configured width', () => {
    expect(variants('145')).toEqual(['145', '0145', '00145', '000145']);
  });

  it('gives the same variants whether or not zeros were typed', () => {
    expect(variants('00145')).toEqual(variants('145'));
  });

  it('honours the width', () => {
    expect(variants('1499', 5)).toEqual(['1499', '01499']);
    expect(variants('123456', 6)).toEqual(['123456']);
  });

  it('pads a lone zero too', () => {
    expect(variants('0000', 3)).toEqual(['0', '00', '000']);
  });

  it('pads the number after a prefix', () => {
    expect(variants('ASU-12', 7, withPrefix)).toEqual(['ASU-12', 'ASU-012']);
  });
});

describe('finding an accession number inside a legacy Other Catalog Numbers string', () => {
  const accession = (typed: string) => {
    const read = readAccession(typed, digitsOnly);
    if (!read.ok) throw new Error(say(read.problem));
    return read.value;
  };

  it.each([
    ['1499; Acc. 12', '1499', true],
    ['Herb. 1499 | 77', '1499', true],
    ['Herb. 1499 | 77', '77', true],
    ['acc: 01499, 33', '1499', true],
    ['1499; Acc. 12', '12', true],
    ['11499; 77', '1499', false],
    ['14990', '1499', false],
    ['Herb. 1499 | 77', '149', false],
  ])('%j holds %s: %s', (legacy, typed, expected) => {
    expect(legacyStringHoldsAccession(legacy, accession(typed))).toBe(expected);
  });
});
