#!/usr/bin/env node
/**
 * Lists, per area file, the English keys a translation does not have yet (with the English text to
 * translate), the keys it has that English no longer has, and area files whose keys are not in the English
 * order. For adding keys: run it after new English keys land, translate what it lists (following
 * docs/i18n-glossary.md), run it again until it prints nothing.
 *
 *   node scripts/i18n/missing-keys.mjs            every language beside English
 *   node scripts/i18n/missing-keys.mjs fr pt-BR   only these
 *   node scripts/i18n/missing-keys.mjs --keys     key names only, one a line (for scripts)
 *
 * Exit status 1 when a key or an area file is missing or left over, 0 when every language is complete.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '../../src/i18n/locales');
const args = process.argv.slice(2);
const keysOnly = args.includes('--keys');
const asked = args.filter((a) => !a.startsWith('--'));

const areaFiles = (locale) =>
  existsSync(join(LOCALES, locale))
    ? readdirSync(join(LOCALES, locale))
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
const read = (locale, file) => JSON.parse(readFileSync(join(LOCALES, locale, file), 'utf8'));

const locales = asked.length
  ? asked
  : readdirSync(LOCALES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'en')
      .map((d) => d.name)
      .sort();

let incomplete = false;
const say = (line) => console.log(line);

for (const locale of locales) {
  const have = new Set(areaFiles(locale));
  for (const file of areaFiles('en')) {
    const english = read('en', file);
    const translated = have.has(file) ? read(locale, file) : {};
    const missing = Object.keys(english).filter((k) => !(k in translated));
    const extra = Object.keys(translated).filter((k) => !(k in english));
    const common = Object.keys(english).filter((k) => k in translated);
    const order = Object.keys(translated).filter((k) => k in english);
    const outOfOrder = common.join('\n') !== order.join('\n');
    if (missing.length || extra.length) incomplete = true;

    if (keysOnly) {
      for (const k of missing) say(`${locale}\t${file}\t${k}`);
      continue;
    }
    if (!have.has(file)) say(`${locale}/${file}: no such file (all ${missing.length} keys missing)`);
    else if (missing.length) say(`${locale}/${file}: ${missing.length} missing`);
    for (const k of missing) say(`  ${k}: ${JSON.stringify(english[k])}`);
    if (extra.length) {
      say(`${locale}/${file}: ${extra.length} not in English (remove, or check for a renamed key)`);
      for (const k of extra) say(`  ${k}`);
    }
    if (outOfOrder && !missing.length && !extra.length)
      say(`${locale}/${file}: keys not in the English order`);
  }
  for (const file of have) {
    if (!areaFiles('en').includes(file)) {
      incomplete = true;
      if (!keysOnly) say(`${locale}/${file}: no English area file of that name`);
    }
  }
}

process.exitCode = incomplete ? 1 : 0;
