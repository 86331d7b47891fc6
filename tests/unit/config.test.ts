import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/app/config';
import type { Said } from '../../src/domain/said';
import { say } from '../../src/i18n/intl';

/** The problems as the error page words them. */
const words = (problems: Said[]) => problems.map((p) => say(p));

const minimal = { portalBasePath: '/portal', barcode: { pattern: '^DEMO\\d{7}$' } };

describe('runtime configuration', () => {
  it('fills every default from a minimal config.json', () => {
    expect(parseConfig(minimal)).toEqual({
      ok: true,
      config: {
        portalBasePath: '/portal',
        collectionId: null,
        collectionChoices: [],
        barcode: { pattern: '^DEMO\\d{7}$', scannerPrefix: '', scannerSuffix: '' },
        accession: { prefixPattern: null, maxLength: 10, variantWidth: 6 },
        labelDateOrder: 'ISO',
        escalationComments: true,
        linkedStatus: null,
        reading: {
          enabled: true,
          stampConfidence: 80,
          barcodeFormats: ['Code39', 'Code128', 'DataMatrix'],
        },
      },
    });
  });

  it('reads the sheet-reading settings, and refuses a format it does not know', () => {
    const reading = { enabled: false, stampConfidence: 90, barcodeFormats: ['Code128'] };
    expect(parseConfig({ ...minimal, reading })).toMatchObject({ ok: true, config: { reading } });
    const wrong = parseConfig({ ...minimal, reading: { barcodeFormats: ['Code93x'] } });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(words(wrong.problems).join(' ')).toMatch(/reading.barcodeFormats/);
  });

  it.each([
    [{ ...minimal, portalBasePath: 'portal/' }, /portalBasePath/],
    [{ ...minimal, barcode: { pattern: '^(DEMO' } }, /barcode.pattern: is not a valid regular expression/],
    [{ ...minimal, labelDateOrder: 'YMD' }, /labelDateOrder/],
    [{ ...minimal, collectionId: 0 }, /collectionId/],
    [{ ...minimal, colectionId: 1 }, /colectionId/],
    [{ barcode: { pattern: 'x' } }, /portalBasePath/],
  ])('names what is wrong in %j', (raw, problem) => {
    const result = parseConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(words(result.problems).join('\n')).toMatch(problem);
  });

  it('accepts a portal at the origin root', () => {
    expect(parseConfig({ ...minimal, portalBasePath: '' }).ok).toBe(true);
  });

  it('lower-cases the linked status as the portal stores it', () => {
    const result = parseConfig({ ...minimal, linkedStatus: 'Reviewed' });
    expect(result.ok && result.config.linkedStatus).toBe('reviewed');
  });

  it('tells a missing file (or the web page a server sends instead) from a broken one', async () => {
    const notFound = async () => new Response('nope', { status: 404 });
    expect(await loadConfig('./config.json', notFound)).toEqual({ ok: false, missing: true });
    const webPage = async () =>
      new Response('<!doctype html><title>Portal</title>', {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    expect(await loadConfig('./config.json', webPage)).toEqual({ ok: false, missing: true });
    const forbidden = async () => new Response('no', { status: 403 });
    const refused = await loadConfig('./config.json', forbidden);
    expect(refused.ok || 'missing' in refused ? [] : words(refused.problems)).toEqual([
      './config.json could not be loaded (HTTP 403).',
    ]);
    const broken = async () => new Response('{ "portalBasePath": ', { status: 200 });
    const unreadable = await loadConfig('./config.json', broken);
    expect(unreadable.ok || 'missing' in unreadable ? [] : words(unreadable.problems)).toEqual([
      expect.stringMatching(/^\.\/config\.json is not valid JSON: .+/),
    ]);
  });

  it('ignores "//" comment keys at any level and still refuses a misspelt setting', () => {
    const commented = {
      '//': ['what this file is'],
      '//portalBasePath': 'the portal path',
      ...minimal,
      barcode: { '//pattern': 'every barcode matches it', pattern: '^DEMO\\d{7}$' },
    };
    expect(parseConfig(commented)).toMatchObject({ ok: true, config: { portalBasePath: '/portal' } });
    const misspelt = parseConfig({ ...commented, barcode: { patern: 'x', pattern: 'x' } });
    expect(misspelt.ok).toBe(false);
    if (!misspelt.ok) expect(words(misspelt.problems).join(' ')).toMatch(/patern/);
  });
});
