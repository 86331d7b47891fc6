import { z } from 'zod';
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
  }, 'is not a valid regular expression');

export const configSchema = z
  .object({
    portalBasePath: z
      .string()
      .regex(/^(\/[^/?#\s]+)*$/, 'must be empty or a path like /portal (leading slash, no trailing slash)'),
    collectionId: z.number().int().positive().nullable().default(null),
    collectionChoices: z.array(z.number().int().positive()).default([]),
    barcode: z.object({
      pattern: regexSource,
      scannerPrefix: z.string().default(''),
      scannerSuffix: z.string().default(''),
    }),
    accession: z
      .object({
        prefixPattern: regexSource.nullable().default(null),
        maxLength: z.number().int().min(1).max(64).default(10),
        variantWidth: z.number().int().min(1).max(12).default(6),
      })
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

export type ConfigResult = { ok: true; config: StationConfig } | { ok: false; problems: string[] };

export function parseConfig(raw: unknown): ConfigResult {
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    ),
  };
}

export async function loadConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (e) {
    return {
      ok: false,
      problems: [`${url} could not be loaded: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  if (!response.ok) return { ok: false, problems: [`${url} could not be loaded (HTTP ${response.status}).`] };
  try {
    return parseConfig(JSON.parse(await response.text()));
  } catch {
    return { ok: false, problems: [`${url} is not valid JSON.`] };
  }
}
