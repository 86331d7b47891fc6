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

const mediaSchema = z.object({
  mediaID: z.number(),
  url: z.string().nullable().optional(),
  thumbnailUrl: z.string().nullable().optional(),
  originalUrl: z.string().nullable().optional(),
  mediaType: z.string().nullable().optional(),
});

/** API v2 `GET /occurrence/{id}?includeMedia=1`: an array holding one object (PROTOCOL §6.1, recording 07a). */
export const occurrenceResponseSchema = z
  .array(
    z
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
        recordSecurity: z.number().nullable().optional(),
        identifier: z.array(identifierSchema).default([]),
        media: z.array(mediaSchema).default([]),
      })
      .catchall(z.unknown()),
  )
  .length(1);

export type OccurrenceWire = z.infer<typeof occurrenceResponseSchema>[number];

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
    identifiers: wire.identifier.map((i) => ({
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
    recordSecurity: wire.recordSecurity ?? 0,
    images: wire.media
      .filter((m) => (m.mediaType ?? 'image') === 'image')
      .map((m) => {
        const originalUrl = absolute(m.originalUrl);
        return {
          mediaId: m.mediaID,
          // `url` may be the literal 'empty'; the editor then falls back to the original (PROTOCOL §1.5).
          webUrl: absolute(m.url) ?? originalUrl,
          originalUrl,
          thumbnailUrl: absolute(m.thumbnailUrl),
        };
      }),
    fields,
  };
}

/** `collections/individual/index.php?format=json`: a DwC object that, unlike API v2, shows Other Catalog Numbers (rec. 12h). */
export const individualJsonSchema = z
  .object({ occid: z.number(), otherCatalogNumbers: nullableText })
  .catchall(z.unknown());
