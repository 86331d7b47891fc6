import { z } from 'zod';
import type { SpecimenRecord } from '../../domain/occurrence';

const nullableText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? null : String(v)));

const identifierSchema = z.object({
  idomoccuridentifiers: z.number(),
  identifierValue: z.string(),
  identifierName: z.string().nullable().optional(),
});

const mediaSchema = z
  .object({
    // 3.0–3.3 call the media id imgid and have no mediaType (rec. 3.1 07b).
    mediaID: z.number().optional(),
    imgid: z.number().optional(),
    url: z.string().nullable().optional(),
    thumbnailUrl: z.string().nullable().optional(),
    originalUrl: z.string().nullable().optional(),
    mediaType: z.string().nullable().optional(),
  })
  .transform((m, ctx) => {
    const id = m.mediaID ?? m.imgid;
    if (id === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an image without an id' });
      return z.NEVER;
    }
    return { ...m, id };
  });

const recordSchema = z
  .object({
    occid: z.number(),
    collid: z.number(),
    catalogNumber: nullableText,
    processingStatus: nullableText,
    recordedBy: nullableText,
    recordNumber: nullableText,
    eventDate: nullableText,
    sciname: nullableText,
    family: nullableText,
    locality: nullableText,
    country: nullableText,
    stateProvince: nullableText,
    county: nullableText,
    dateLastModified: nullableText,
    // 3.4 recordSecurity; 3.0–3.3 localitySecurity (rec. 3.1 07a).
    recordSecurity: z.number().nullable().optional(),
    localitySecurity: z.number().nullable().optional(),
    // 3.0–3.3 list no identifier rows; they show the old column instead (rec. 3.1 07a): it stays in
    // `fields.otherCatalogNumbers`, and the reader adds the identifier rows from the table view (rec. 3.1 25d).
    identifier: z.array(identifierSchema).optional(),
    media: z.array(mediaSchema).default([]),
  })
  .catchall(z.unknown());

/**
 * API v2 `GET /occurrence/{id}?includeMedia=1`: an array holding one object on 3.4 (PROTOCOL §6.1, rec.
 * 07a), the object itself on 3.0–3.3 (rec. 3.1 07a). A missing record is a 404 on 3.4 (07d) and an empty
 * object `{}` on 3.0–3.3 (3.1 07d): `null` here.
 */
export const occurrenceResponseSchema = z.union([
  z
    .array(recordSchema)
    .length(1)
    .transform((list) => list[0]!),
  recordSchema,
  z
    .object({})
    .strict()
    .transform(() => null),
]);

export type OccurrenceWire = z.infer<typeof recordSchema>;

/** What this portal's API v2 lists of a record, read off its answer rather than guessed from a version. */
export interface ApiLists {
  /** `identifier`: the identifier rows (3.4, rec. 07a). 3.0–3.3 answer without them (rec. 3.1 07a, 3.1 25c). */
  identifierRows: boolean;
  /** `otherCatalogNumbers`: the old column, shown by 3.0–3.3 (rec. 3.1 07a) and hidden by 3.4 (07a). */
  oldColumn: boolean;
  /** `processingStatus`: left out by 3.0 (recorded-3.0 07a). */
  status: boolean;
}

/** The keys of an API v2 record answer (an array of one, or the object), whatever their values. */
export function apiLists(body: unknown): ApiLists {
  const wire = Array.isArray(body) ? (body[0] as unknown) : body;
  const has = (key: string) => typeof wire === 'object' && wire !== null && key in wire;
  return {
    identifierRows: has('identifier'),
    oldColumn: has('otherCatalogNumbers'),
    status: has('processingStatus'),
  };
}

const SCALAR = (v: unknown): v is string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function toSpecimenRecord(
  wire: OccurrenceWire,
  absolute: (url: string | null | undefined) => string | null,
): SpecimenRecord {
  const fields: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (key === 'identifier' || key === 'media' || !SCALAR(value)) continue;
    fields[key] = value === null ? null : String(value);
  }
  return {
    occid: wire.occid,
    collid: wire.collid,
    catalogNumber: wire.catalogNumber,
    identifiers: (wire.identifier ?? []).map((i) => ({
      id: i.idomoccuridentifiers,
      name: i.identifierName ?? '',
      value: i.identifierValue,
    })),
    processingStatus: wire.processingStatus,
    recordedBy: wire.recordedBy,
    recordNumber: wire.recordNumber,
    eventDate: wire.eventDate,
    sciname: wire.sciname,
    family: wire.family,
    locality: wire.locality,
    country: wire.country,
    stateProvince: wire.stateProvince,
    county: wire.county,
    dateLastModified: wire.dateLastModified,
    recordSecurity: wire.recordSecurity ?? wire.localitySecurity ?? 0,
    images: wire.media
      .filter((m) => (m.mediaType ?? 'image') === 'image')
      .map((m) => {
        const originalUrl = absolute(m.originalUrl);
        return {
          mediaId: m.id,
          // `url` may be the literal 'empty'; the editor then falls back to the original (PROTOCOL §1.5).
          webUrl: absolute(m.url) ?? originalUrl,
          originalUrl,
          thumbnailUrl: absolute(m.thumbnailUrl),
        };
      }),
    fields,
  };
}
