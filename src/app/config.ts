import { z } from 'zod';
import { said, type Said } from '../domain/said';
import { DEFAULT_READING, type StationConfig } from '../domain/station';

const regexSource = z
  .string()
  .min(1)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'setup.problem.not-a-regex');

export const configSchema = z
  .object({
    portalBasePath: z
      .string()
      .regex(/^(\/[^/?#\s]+)*$/, 'setup.problem.base-path'),
    collectionId: z.number().int().positive().nullable().default(null),
    collectionChoices: z.array(z.number().int().positive()).default([]),
    barcode: z
      .object({
        pattern: regexSource,
        scannerPrefix: z.string().default(''),
        scannerSuffix: z.string().default(''),
      })
      .strict(),
    accession: z
      .object({
        prefixPattern: regexSource.nullable().default(null),
        maxLength: z.number().int().min(1).max(64).default(10),
        variantWidth: z.number().int().min(1).max(12).default(6),
      })
      .strict()
      .default({ prefixPattern: null, maxLength: 10, variantWidth: 6 }),
    labelDateOrder: z.enum(['MDY', 'DMY', 'ISO']).default('ISO'),
    escalationComments: z.boolean().default(true),
    linkedStatus: z.string().trim().toLowerCase().nullable().default(null),
    reading: z
      .object({
        enabled: z.boolean().default(DEFAULT_READING.enabled),
        stampConfidence: z.number().min(0).max(100).default(DEFAULT_READING.stampConfidence),
        barcodeFormats: z
          .array(z.enum(['Code39', 'Code128', 'DataMatrix', 'QRCode', 'EAN-13', 'ITF']))
          .min(1)
          .default(DEFAULT_READING.barcodeFormats),
      })
      .strict()
      .default(DEFAULT_READING),
  })
  .strict();

/** What is wrong with config.json, as codes (`setup.problem.…`) the error page words. */
export type ConfigResult = { ok: true; config: StationConfig } | { ok: false; problems: Said[] };

/** The station's own refusals, given to zod as codes; zod's own messages are kept as its words. */
const OWN_PROBLEMS = new Set(['setup.problem.not-a-regex', 'setup.problem.base-path']);

/** No config.json at all: a new installation, or the file was never made from config.example.json. */
export interface ConfigMissing {
  ok: false;
  missing: true;
}

/**
 * A key starting with `//` is a comment: JSON has none, and config.example.json explains each setting next to
 * it, so a config.json made from the example keeps the explanations (docs/decisions/012). Every other
 * unknown key is still refused, so a misspelt setting is not silently ignored.
 */
export function withoutComments(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(withoutComments);
  if (raw === null || typeof raw !== 'object') return raw;
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => !key.startsWith('//'))
      .map(([key, value]) => [key, withoutComments(value)]),
  );
}

export function parseConfig(raw: unknown): ConfigResult {
  const parsed = configSchema.safeParse(withoutComments(raw));
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      if (OWN_PROBLEMS.has(issue.message)) return said(issue.message, { path });
      return path === ''
        ? said('setup.problem.top-level', { message: issue.message })
        : said('setup.problem.field', { path, message: issue.message });
    }),
  };
}

export async function loadConfig(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConfigResult | ConfigMissing> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (e) {
    return {
      ok: false,
      problems: [said('setup.problem.load-failed', { url, text: e instanceof Error ? e.message : String(e) })],
    };
  }
  // A web page instead of JSON is how many servers (the dev server among them) answer for a missing file.
  const webPage = /^text\/html\b/i.test(response.headers.get('Content-Type') ?? '');
  if (response.status === 404 || (response.ok && webPage)) return { ok: false, missing: true };
  if (!response.ok)
    return { ok: false, problems: [said('setup.problem.http', { url, status: response.status })] };
  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch (e) {
    // The parser says where it stopped, which is what someone editing the file by hand needs.
    const where = e instanceof Error ? e.message : null;
    return { ok: false, problems: [said('setup.problem.not-json', { url, where })] };
  }
  return parseConfig(raw);
}
