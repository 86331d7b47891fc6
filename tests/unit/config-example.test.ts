import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, withoutComments } from '../../src/app/config';
import { say } from '../../src/i18n/intl';

// The shipped example, the README's table and the app's schema describe the same settings: these tests
// read all three through the app's own parser so none of them can drift from what the station does.
const read = (file: string) => readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
const example = JSON.parse(read('public/config.example.json')) as Record<string, unknown>;
const minimal = { portalBasePath: '/portal', barcode: { pattern: '^DEMO\\d{7}$' } };

function parsed(raw: unknown) {
  const result = parseConfig(raw);
  if (!result.ok) throw new Error(`does not parse: ${result.problems.map((p) => say(p)).join('; ')}`);
  return result.config as unknown as Record<string, unknown>;
}

/** `barcode.pattern`-style paths of every setting (arrays are values, not settings). */
function settingPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    settingPaths(inner, prefix ? `${prefix}.${key}` : key),
  );
}

function at(config: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], config);
}

function without(raw: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const { [head]: inner, ...others } = raw;
  if (rest.length === 0) return others;
  if (inner === null || typeof inner !== 'object') return raw;
  return { ...others, [head]: without(inner as Record<string, unknown>, rest.join('.')) };
}

const schemaDefaults = parsed(minimal);
const settings = settingPaths(schemaDefaults).sort();
const required = settings.filter((path) => !parseConfig(without(minimal, path)).ok);

/** The rows of README's "Configuration" table: the settings each row names, and its default column. */
function readmeTable(): { keys: string[]; defaultCell: string }[] {
  const readme = read('README.md');
  const start = readme.indexOf('## Configuration');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [keysCell = '', defaultCell = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return { keys: [...keysCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), defaultCell };
    });
}

describe('config.example.json, as shipped', () => {
  it('is a valid configuration for the app, comments and all', () => {
    expect(parseConfig(example)).toMatchObject({ ok: true });
  });

  it('sets every setting the app has, at its default except the required ones', () => {
    const config = withoutComments(example) as Record<string, unknown>;
    expect(settingPaths(config).sort()).toEqual(settings);
    for (const path of settings.filter((p) => !required.includes(p)))
      expect(at(parsed(config), path), path).toEqual(at(schemaDefaults, path));
  });

  it('explains every setting in a "//" key beside it', () => {
    const unexplained = (raw: Record<string, unknown>, prefix: string): string[] =>
      Object.entries(raw).flatMap(([key, value]) => {
        if (key.startsWith('//')) return [];
        if (value !== null && typeof value === 'object' && !Array.isArray(value))
          return unexplained(value as Record<string, unknown>, `${prefix}${key}.`);
        return `//${key}` in raw ? [] : [`${prefix}${key}`];
      });
    expect(unexplained(example, '')).toEqual([]);
  });
});

describe("the README's configuration table", () => {
  const rows = readmeTable();

  it('names every setting of the schema, and only those', () => {
    expect(rows.flatMap((row) => row.keys).sort()).toEqual(settings);
  });

  it('gives the defaults the schema fills in, and marks the required settings', () => {
    for (const { keys, defaultCell } of rows)
      for (const key of keys) {
        if (required.includes(key)) expect(defaultCell, key).toBe('_(required)_');
        else expect(JSON.parse(defaultCell.replace(/^`|`$/g, '')), key).toEqual(at(schemaDefaults, key));
      }
  });
});

describe("the demo portal's configuration", () => {
  it('is valid', () => {
    expect(parseConfig(JSON.parse(read('public/demo/config.json')))).toMatchObject({ ok: true });
  });
});
