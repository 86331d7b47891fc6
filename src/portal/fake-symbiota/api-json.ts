import { API_HIDDEN, COLUMNS, NUMERIC } from './columns';
import type { FakeSymbiota } from './fake-portal';
import type { FakeRecord } from './state';

const typed = (column: string, value: string | null) =>
  value !== null && NUMERIC.has(column) && value !== '' ? Number(value) : value;

/**
 * API v2 `GET /occurrence/{id}?includeMedia=1` (PROTOCOL §6.1, rec. 07a–07c): an array of one on 3.4; on
 * 3.1 the object itself, with the legacy column shown, no identifier list, `localitySecurity` and the
 * media's `imgid` (rec. 3.1 07a–07c).
 */
export function apiOccurrence(fake: FakeSymbiota, record: FakeRecord, origin: string, rootPath: string) {
  const v31 = fake.profile.version === '3.1';
  const collection = fake.collection(record.collid);
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS) {
    if (API_HIDDEN.has(column) && !(v31 && column === 'otherCatalogNumbers')) continue;
    if (v31 && column === 'recordSecurity')
      out['localitySecurity'] = typed(column, record.fields[column] ?? null);
    else if (column === 'occid') out[column] = record.occid;
    else if (column === 'collid') out[column] = record.collid;
    else out[column] = typed(column, record.fields[column] ?? null);
  }
  // Fallbacks the API model applies when the columns are empty (Models/Occurrence.php:26-45).
  out['occurrenceID'] ??= record.fields['recordID'] ?? null;
  out['institutionCode'] ??= collection?.institutionCode ?? null;
  out['collectionCode'] ??= collection?.collectionCode ?? null;
  if (!v31)
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
    ...(v31 ? { imgid: m.mediaId } : { mediaID: m.mediaId }),
    occid: m.occid,
    url: `${origin}${rootPath}/${m.url}`,
    thumbnailUrl: `${rootPath}/${m.thumbnailUrl}`,
    originalUrl: `${rootPath}/${m.originalUrl}`,
    ...(v31 ? { photographer: null } : { mediaType: 'image' }),
    format: 'image/jpeg',
    sortOccurrence: 5,
  }));
  return v31 ? out : [out];
}

/**
 * `collections/individual/index.php?format=json`, DwC. Its Other Catalog Numbers are the identifier rows on
 * 3.4 (3.4.8 on: rec. 12h shows them, 16m a stamp kept only in the old column as null) and the old
 * column on 3.0–3.3 (rec. 3.1 12h, whose occid is a string).
 */
export function dwcOccurrence(fake: FakeSymbiota, record: FakeRecord) {
  const v31 = fake.profile.version === '3.1';
  const ids = fake.identifiersOf(record.occid).map((i) => (i.name ? `${i.name}: ${i.value}` : i.value));
  const legacy = record.fields['otherCatalogNumbers'] ?? null;
  const other = (v31 ? (legacy ? [legacy] : []) : ids).join('; ');
  const dwc: Record<string, unknown> = { occid: v31 ? String(record.occid) : record.occid };
  for (const column of COLUMNS) {
    if (DWC_LEFT_OUT.has(column)) continue;
    const name = column === 'sciname' ? 'scientificName' : column;
    dwc[name] = typed(column, record.fields[column] ?? null);
  }
  // `modified` is the source's date, else the record's last change (DwcArchiverOccurrence; rec. 12h, 25k).
  dwc['modified'] = record.fields['modified'] ?? record.fields['dateLastModified'] ?? null;
  dwc['otherCatalogNumbers'] = other === '' ? null : other;
  return dwc;
}

/** Columns the DwC record leaves out: the portal's own bookkeeping (rec. 12h, 25k). */
const DWC_LEFT_OUT = new Set([
  'occid',
  'collid',
  'dbpk',
  'tidInterpreted',
  'processingStatus',
  'recordSecurity',
  'securityReason',
  'observerUid',
  'labelProject',
  'dateEntered',
  'dateLastModified',
  'modified',
  'otherCatalogNumbers',
]);
