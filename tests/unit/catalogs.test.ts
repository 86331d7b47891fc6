// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { STATION_LOCALES } from '../../src/i18n/intl';

/**
 * The catalogs, checked as `npm test` runs: every language has every English key and no other, each
 * translation takes the same values, every key is used somewhere, and every key the code names exists.
 */
const I18N = join(__dirname, '../../src/i18n');
const SRC = join(__dirname, '../../src');
type Catalog = Record<string, string>;

const areas = (locale: string) =>
  readdirSync(join(I18N, 'locales', locale))
    .filter((f) => f.endsWith('.json'))
    .sort();
const catalog = (locale: string): Catalog =>
  Object.assign(
    {},
    ...areas(locale).map(
      (f) => JSON.parse(readFileSync(join(I18N, 'locales', locale, f), 'utf8')) as Catalog,
    ),
  ) as Catalog;
const english = catalog('en');

/** The names of the values a message takes, and of the plural/select cases it offers. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if ('value' in e && typeof e.value === 'string' && e.type !== TYPE.literal)
        names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select)
        for (const option of Object.values(e.options)) walk(option.value);
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
const code = sources(SRC)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** Keys the code names whole ('task.note.done.link'), and the beginnings of keys it builds (`task.label.${kind}`). */
const KEY = /^[a-z][a-z0-9-]*(\.[a-zA-Z0-9-]+)+$/;
const literals = new Set(
  [...code.matchAll(/['"`]([a-z][a-z0-9-]*(?:\.[a-zA-Z0-9-]+)+)['"`]/g)].map((m) => m[1]!),
);
const prefixes = new Set(
  [...code.matchAll(/`([a-z][a-z0-9-]*(?:\.[a-zA-Z0-9-]+)*\.)\$\{/g)].map((m) => m[1]!),
);

describe('the catalogs', () => {
  it('list every English area in the message-key type (src/i18n/keys.ts)', () => {
    const keys = readFileSync(join(I18N, 'keys.ts'), 'utf8');
    for (const file of areas('en')) expect(keys).toContain(`'./locales/en/${file}'`);
  });

  it('prefix every key with its area', () => {
    for (const file of areas('en')) {
      const area = file.replace(/\.json$/, '');
      const keys = Object.keys(JSON.parse(readFileSync(join(I18N, 'locales/en', file), 'utf8')) as Catalog);
      expect(keys.filter((k) => !k.startsWith(`${area}.`))).toEqual([]);
    }
  });

  it.each(STATION_LOCALES.filter((l) => l !== 'en'))('%s has every English key and no other', (locale) => {
    const translated = catalog(locale);
    expect(areas(locale)).toEqual(areas('en'));
    expect(Object.keys(english).filter((k) => !(k in translated))).toEqual([]);
    expect(Object.keys(translated).filter((k) => !(k in english))).toEqual([]);
  });

  it.each(STATION_LOCALES)(
    '%s: every message parses and takes the values the English one takes',
    (locale) => {
      const translated = catalog(locale);
      const differ = Object.keys(english).filter(
        (k) => k in translated && argumentsOf(translated[k]!).join() !== argumentsOf(english[k]!).join(),
      );
      expect(differ).toEqual([]);
    },
  );

  it('use every key: named in the code, or built from a beginning the code names', () => {
    const unused = Object.keys(english).filter(
      (k) => !literals.has(k) && ![...prefixes].some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('have every key the code names', () => {
    // Literals shaped like keys in an area the catalogs have (file names and the like are not keys).
    const areasKnown = new Set(Object.keys(english).map((k) => k.split('.')[0]));
    const named = [...literals].filter((k) => KEY.test(k) && areasKnown.has(k.split('.')[0]!));
    expect(named.filter((k) => !(k in english))).toEqual([]);
    const built = [...prefixes].filter((p) => areasKnown.has(p.split('.')[0]!));
    expect(built.filter((p) => !Object.keys(english).some((k) => k.startsWith(p)))).toEqual([]);
  });
});
