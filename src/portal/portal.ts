import type { RecordPage, SpecimenRecord } from '../domain/occurrence';
import type { Said } from '../domain/said';
import type { FieldValues } from '../domain/task';

/** The language the portal's pages answer in for this user (its `<html lang>`), when it is one it ships. */
export type PortalLanguage = 'en' | 'es' | 'fr' | 'pt';

export type SessionState =
  | { kind: 'logged-out' }
  | { kind: 'no-rights'; collectionName: string | null; portalLanguage: PortalLanguage | null }
  | {
      kind: 'editor';
      collectionName: string | null;
      statuses: string[];
      portalLanguage: PortalLanguage | null;
      /**
       * Who the editor pages are logged in as (their query form's "entered by me" fills it in), or null when
       * the page does not say. On a portal at the web root this can differ from who logged in last.
       */
      user: string | null;
    };

/**
 * What the user is on the collection beyond editing its records: `administrator` for its collection
 * administrators (CollAdmin) and the portal's super-administrators (SuperAdmin), `editor` for the others who
 * may edit (CollEditor). The station offers Review's resolutions to administrators only (README, Review).
 */
export type CollectionRole = 'administrator' | 'editor';

export interface CollectorSearch {
  /** The editor's `q_recordedby` term, e.g. `%Smith` (PROTOCOL §4.1). */
  recordedBy: string;
  recordNumber?: string;
  /** `YYYY-MM-DD` or a `from - to` range. */
  eventDate?: string;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** A comment on a record's public page, as the portal lists it to the current user. */
export interface RecordComment {
  author: string;
  posted: string;
  text: string;
}

/** A field this station wrote, and what it held before. */
export interface ValueChange {
  field: 'catalognumber' | 'processingstatus';
  wrote: string | null;
  previous: string | null;
}

/** Where the station reads records from on this portal, and why (recorded INDEX §14–15). */
export interface RecordSource {
  via: 'api' | 'editor-pages';
  /** Why the station stopped using API v2; null while it uses it. */
  reason: string | null;
}

export type CheckOutcome = 'works' | 'works-differently' | 'fails' | 'not-tried';

/**
 * One read-only probe of the portal check: what was found, what the station does, what an admin could do,
 * as codes (`check.…`) the screen words in the station's language; `found` may be several sentences (an
 * error and its next step).
 */
export interface PortalCheckResult {
  id: string;
  title: Said;
  outcome: CheckOutcome;
  found: Said[];
  stationWill: Said;
  adminCould: Said | null;
  /** The station cannot work while this fails. */
  essential: boolean;
}

/** A record's touched fields before and after a write, as the guarded write read them (`catalognumber`, …). */
export interface RecordWritten {
  record: SpecimenRecord;
  before: FieldValues;
  after: FieldValues;
}

export interface MergeOutcome {
  merged: SpecimenRecord;
  /** The target's barcode and status before and after. */
  before: FieldValues;
  after: FieldValues;
  /** Both records as they were: the portal logs nothing of a merge (PROTOCOL §9.5). */
  records: { legacy: SpecimenRecord; skeletal: SpecimenRecord };
}

/**
 * Everything the features ask of a portal, in the collection's language. Every write is guarded:
 * it refuses rather than overwrite, and goes through the portal path that checks rights and logs edits.
 */
export interface PortalClient {
  /** Who the portal thinks we are on this collection. */
  session(collid: number): Promise<SessionState>;
  /**
   * The user's role on the collection, as the editor pages logged in now show it (the same session the saves
   * go through); throws a PortalError when the portal's page does not tell.
   */
  collectionRole(collid: number): Promise<CollectionRole>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;

  findByAccession(collid: number, variants: string[], page?: PageRequest): Promise<RecordPage>;
  /** Wildcard search on Other Catalog Numbers, for legacy strings that hold several identifiers. */
  findByAccessionPattern(collid: number, pattern: string, page?: PageRequest): Promise<RecordPage>;
  findByCollector(collid: number, search: CollectorSearch, page?: PageRequest): Promise<RecordPage>;
  /**
   * Unprocessed records without an accession number, in barcode order (PROTOCOL §5); with `afterBarcode`,
   * only those whose barcode sorts after it, so records that drop out of the list cannot shift a page.
   */
  listUnprocessedWithoutAccession(
    collid: number,
    page: PageRequest,
    afterBarcode?: string,
  ): Promise<RecordPage>;
  /** Records with one processing status, newest change first. */
  listByStatus(collid: number, status: string, page: PageRequest): Promise<RecordPage>;

  /** One record with its identifiers and images; null when the portal has no such record. */
  readRecord(occid: number): Promise<SpecimenRecord | null>;
  /** Records of this collection other than `exceptOccid` that carry this barcode. */
  barcodeInUse(collid: number, barcode: string, exceptOccid: number): Promise<number[]>;
  /** Records of this collection other than `exceptOccid` holding one of these accession variants. */
  accessionInUse(collid: number, variants: string[], exceptOccid: number): Promise<number[]>;
  imageCount(occid: number): Promise<number>;

  /** Writes the barcode (and, when given, the processing status in the same save). */
  setCatalogNumber(collid: number, occid: number, barcode: string, status?: string): Promise<RecordWritten>;
  addAccession(collid: number, occid: number, accession: string, status?: string): Promise<RecordWritten>;
  setProcessingStatus(collid: number, occid: number, status: string): Promise<RecordWritten>;
  /**
   * Undo: writes the previous values back through the normal save, only if the record still holds what
   * was written (otherwise `record-changed`, with what it holds now).
   */
  restoreValues(collid: number, occid: number, changes: ValueChange[]): Promise<RecordWritten>;
  mergeSkeletalIntoLegacy(collid: number, skeletalOccid: number, legacyOccid: number): Promise<MergeOutcome>;
  createRecord(collid: number, barcode: string, status: string, enteredBy: string): Promise<RecordWritten>;
  addComment(occid: number, text: string): Promise<void>;
  /** Comments on a record that the current user may see (editors see reported ones too, rec. 12f). */
  readComments(occid: number): Promise<RecordComment[]>;
  /** The portal's Symbiota version, or null when its API does not say (PROTOCOL §12). */
  portalVersion(): Promise<string | null>;

  /** Where records are read from now; it changes at most once per station session. */
  recordSource(): RecordSource;
  onRecordSourceChange(listener: (source: RecordSource) => void): () => void;
  /** Read-only probes of every portal path the station uses; nothing is written. */
  checkPortal(collid: number): Promise<PortalCheckResult[]>;
}

/** The writes of a portal: only the outbox calls them, for the tasks it runs (docs/decisions/012). */
export type PortalWrite =
  | 'setCatalogNumber'
  | 'addAccession'
  | 'setProcessingStatus'
  | 'restoreValues'
  | 'mergeSkeletalIntoLegacy'
  | 'createRecord'
  | 'addComment';

/** What the screens may ask of a portal: everything but writing, which goes through the outbox. */
export type PortalReads = Omit<PortalClient, PortalWrite>;
