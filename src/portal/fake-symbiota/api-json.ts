import { API_HIDDEN, COLUMNS, NUMERIC } from './columns';
import type { FakeSymbiota } from './fake-portal';
import type { FakeRecord } from './state';

const typed = (column: string, value: string | null) =>
  value !== null && NUMERIC.has(column) && value !== '' ? Number(value) : value;

/** API v2 `GET /occurrence/{id}?includeMedia=1` (PROTOCOL §6.1, rec. 07a–07c). */
export function apiOccurrence(fake: FakeSymbiota, record: FakeRecord, origin: string, rootPath: string) {
  const collection = fake.collection(record.collid);
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS) {
    if (API_HIDDEN.has(column)) continue;
    if (column === 'occid') out[column] = record.occid;
    else if (column === 'collid') out[column] = record.collid;
    else out[column] = typed(column, record.fields[column] ?? null);
  }
  // Fallbacks the API model applies when the columns are empty (Models/Occurrence.php:26-45).
  out['occurrenceID'] ??= record.fields['recordID'] ?? null;
  out['institutionCode'] ??= collection?.institutionCode ?? null;
  out['collectionCode'] ??= collection?.collectionCode ?? null;
  out['identifier'] = fake.identifiersOf(record.occid).map((i) => ({
    idomoccuridentifiers: i.id,
    occid: i.occid,
    identifierValue: i.value,
    identifierName: i.name,
    recordID: null,
    initialTimestamp: '2026-11-23 18:45:27',
  }));
  // Only `url` is made absolute; thumbnailUrl and originalUrl stay host-relative (rec. 07b).
  out['media'] = fake.mediaOf(record.occid).map((m) => ({
    mediaID: m.mediaId,
    occid: m.occid,
    url: `${origin}${rootPath}/${m.url}`,
    thumbnailUrl: `${rootPath}/${m.thumbnailUrl}`,
    originalUrl: `${rootPath}/${m.originalUrl}`,
    mediaType: 'image',
    format: 'image/jpeg',
    sortOccurrence: 5,
  }));
  return [out];
}

/** `collections/individual/index.php?format=json`: DwC, which shows Other Catalog Numbers (rec. 12h). */
export function dwcOccurrence(fake: FakeSymbiota, record: FakeRecord) {
  const ids = fake.identifiersOf(record.occid).map((i) => (i.name ? `${i.name}: ${i.value}` : i.value));
  const legacy = record.fields['otherCatalogNumbers'] ?? null;
  const other = [...new Set([...(legacy ? [legacy] : []), ...ids])].join(', ');
  return {
    occid: record.occid,
    catalogNumber: record.fields['catalogNumber'] ?? null,
    otherCatalogNumbers: other === '' ? null : other,
    scientificName: record.fields['sciname'] ?? null,
    recordedBy: record.fields['recordedBy'] ?? null,
    recordNumber: record.fields['recordNumber'] ?? null,
    eventDate: record.fields['eventDate'] ?? null,
  };
}
