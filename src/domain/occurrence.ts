import type { Said } from './said';

/** One image of a specimen, with absolute URLs (the portal mixes absolute and relative ones). */
export interface SpecimenImage {
  mediaId: number;
  /** Web-size image (the portal's `url`). */
  webUrl: string | null;
  /** Full-resolution image for deep zoom (the portal's `originalUrl`). */
  originalUrl: string | null;
  thumbnailUrl: string | null;
}

export interface OtherIdentifier {
  id: number;
  name: string;
  value: string;
}

/** A specimen record as the features see it, whatever portal it came from. */
export interface SpecimenRecord {
  occid: number;
  collid: number;
  /** The barcode, in Catalog Number. */
  catalogNumber: string | null;
  /** Accession numbers and other identifiers (Other Catalog Numbers). */
  identifiers: OtherIdentifier[];
  processingStatus: string | null;
  recordedBy: string | null;
  recordNumber: string | null;
  eventDate: string | null;
  sciname: string | null;
  family: string | null;
  locality: string | null;
  country: string | null;
  stateProvince: string | null;
  county: string | null;
  dateLastModified: string | null;
  /** 0 public; 1 locality hidden; 5 whole record hidden from the public (PROTOCOL §1.1). */
  recordSecurity: number;
  images: SpecimenImage[];
  /** Every stored field by its portal name, for the merge preview. */
  fields: Readonly<Record<string, string | null>>;
}

/** One row of a portal search: enough to tell candidates apart. */
export interface RecordSummary {
  occid: number;
  catalogNumber: string | null;
  /** The merged Other Catalog Numbers string as the portal shows it. */
  otherCatalogNumbers: string | null;
  sciname: string | null;
  recordedBy: string | null;
  recordNumber: string | null;
  eventDate: string | null;
  locality: string | null;
  processingStatus: string | null;
  family: string | null;
  country: string | null;
  stateProvince: string | null;
  county: string | null;
  dateLastModified: string | null;
  /** The table's Security column, shown only when some row is protected; 0 when it is not shown. */
  recordSecurity: number;
  /**
   * Why the row's record could not be read (a search that reads its rows record by record): the row is
   * listed with what its table showed, and the rest of the list is not held up by it.
   */
  unreadable?: Said;
}

export interface RecordPage {
  records: RecordSummary[];
  /** Offset of the first record in the whole result. */
  offset: number;
  total: number;
}

export const hasBarcode = (r: { catalogNumber: string | null }) => (r.catalogNumber ?? '').trim() !== '';

/**
 * Every other catalog number a record is known to hold, once each: its identifier rows and what it holds as
 * Other Catalog Numbers (the old column, or the table view's merged string where that is all a portal
 * shows, as on 3.0–3.3's API v2 and the table view).
 */
export function otherCatalogNumbersOf(r: SpecimenRecord): string[] {
  const held = [...r.identifiers.map((i) => i.value), r.fields['otherCatalogNumbers'] ?? '']
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return [...new Set(held)];
}
export const accessionNumbers = (r: SpecimenRecord) => r.identifiers.map((i) => i.value);

/**
 * A record as a search row shows it: everything the record card shows but its images, which the table
 * view does not list (`imagesRead: false`). Used where a full read would cost a request per link.
 */
export function recordFromListing(row: RecordSummary, collid: number): SpecimenRecord {
  const listed = {
    catalogNumber: row.catalogNumber,
    sciname: row.sciname,
    recordedBy: row.recordedBy,
    recordNumber: row.recordNumber,
    eventDate: row.eventDate,
    locality: row.locality,
    processingStatus: row.processingStatus,
    family: row.family,
    country: row.country,
    stateProvince: row.stateProvince,
    county: row.county,
    dateLastModified: row.dateLastModified,
  };
  const { occid, otherCatalogNumbers, recordSecurity } = row;
  return {
    ...listed,
    occid,
    collid,
    identifiers: [],
    recordSecurity,
    images: [],
    fields: { ...listed, otherCatalogNumbers },
  };
}

/**
 * A record read through API v2 lacks the legacy Other Catalog Numbers column (hidden there). When it has
 * no identifier rows, the search row's merged string is exactly that column, so the merge preview can show
 * what the merge will keep (PROTOCOL §9.3 step 2; recorded INDEX §14).
 */
export function withListedCatalogNumbers(record: SpecimenRecord, listed: string | null): SpecimenRecord {
  if (record.identifiers.length > 0 || 'otherCatalogNumbers' in record.fields) return record;
  return { ...record, fields: { ...record.fields, otherCatalogNumbers: listed } };
}
