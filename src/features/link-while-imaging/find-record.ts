import {
  accessionSearchVariants,
  legacyStringHoldsAccession,
  readAccession,
  type Accession,
  type AccessionRules,
} from '../../domain/accession';
import { readCollector } from '../../domain/collector';
import { compareRecordToSheet, type Comparison, type SheetReading } from '../../domain/compare';
import { eventDateQuery, readLabelDate, type DateOrder, type LabelDate } from '../../domain/label-date';
import { recordFromListing, type RecordSummary, type SpecimenRecord } from '../../domain/occurrence';
import { accept, refuse, type Checked } from '../../domain/result';
import { said, type Said } from '../../domain/said';
import type { PortalReads } from '../../portal/portal';
import { readEach } from '../../portal/read-each';

/** What the technician read off the sheet: the stamp, or (no stamp) collector, number and date. */
export type SheetQuery =
  { kind: 'stamp'; stamp: string } | { kind: 'no-stamp'; collector: string; number: string; date: string };

export interface Candidate {
  /** Read from the portal, or (a single hit) taken from the search row, which lists no images. */
  record: SpecimenRecord;
  imagesKnown: boolean;
  /** The Other Catalog Numbers string as the portal lists it (legacy column and identifiers merged). */
  otherCatalogNumbers: string | null;
  /** Per-field verdicts when the technician typed collector, number or date. */
  comparison: Comparison | null;
  /** Why the record could not be read: it is listed with what the search showed, and cannot be linked. */
  unreadable?: Said;
}

export interface SearchOutcome {
  query: SheetQuery;
  /** How the input was read and what was searched, in the technician's words (as codes). */
  description: Said;
  accession: Accession | null;
  sheet: SheetReading | null;
  candidates: Candidate[];
  /** Records found but not shown (the list shows the first {@link SHOWN} only). */
  notShown: number;
}

/** A list longer than this is a sign the search needs narrowing, not scrolling. */
export const SHOWN = 20;
/** The wildcard search may match unrelated numbers (`%12%`); it is read this far at most. */
const PATTERN_SCAN_LIMIT = 500;

interface Rules {
  accession: AccessionRules;
  labelDateOrder: DateOrder;
  today: string;
}

/** Checks what was typed before anything is sent to the portal. */
export function readSheetQuery(query: SheetQuery, rules: Rules): Checked<ReadQuery> {
  if (query.kind === 'stamp') {
    const accession = readAccession(query.stamp, rules.accession);
    if (!accession.ok) return accession;
    return accept({ kind: 'stamp', accession: accession.value });
  }
  const collector = readCollector(query.collector);
  if (!collector.ok) return collector;
  const number = query.number.trim();
  let date = null;
  if (query.date.trim() !== '') {
    const read = readLabelDate(query.date, { order: rules.labelDateOrder, today: rules.today });
    if (!read.ok) return read;
    date = read.value;
  }
  if (number === '' && date === null) {
    return refuse('imaging.search.collector-alone', { collector: collector.value.lastName });
  }
  return accept({
    kind: 'no-stamp',
    portalTerm: collector.value.portalTerm,
    sheet: { collectorLastName: collector.value.lastName, collectorNumber: number || null, date },
  });
}

type ReadQuery =
  { kind: 'stamp'; accession: Accession } | { kind: 'no-stamp'; portalTerm: string; sheet: SheetReading };

/** Runs the search the protocol describes for Option 1 (PROTOCOL §13, 1a and 1b) and reads the candidates. */
export async function findRecords(
  portal: PortalReads,
  collid: number,
  query: SheetQuery,
  read: ReadQuery,
  rules: Rules,
): Promise<SearchOutcome> {
  if (read.kind === 'stamp') return findByStamp(portal, collid, query, read.accession, rules);
  const { sheet, portalTerm } = read;
  const found = await portal.findByCollector(collid, {
    recordedBy: portalTerm,
    ...(sheet.collectorNumber ? { recordNumber: sheet.collectorNumber } : {}),
    ...(sheet.date ? { eventDate: eventDateQuery(sheet.date) } : {}),
  });
  const date = sheet.date;
  const candidates = await readCandidates(portal, collid, found.records, sheet);
  return {
    query,
    description: said('imaging.search.by-collector', {
      collector: sheet.collectorLastName ?? '',
      number: sheet.collectorNumber ?? null,
      ...dateWords(date ?? null),
      count: found.total,
    }),
    accession: null,
    sheet,
    candidates,
    notShown: found.total - candidates.length,
  };
}

/** A label date as the search description says it: the day, or the month or year with its range. */
function dateWords(date: LabelDate | null) {
  if (date === null) return { precision: null, date: null, month: null, from: null, to: null };
  if (date.precision === 'day')
    return { precision: 'day', date: date.date, month: null, from: null, to: null };
  const [year = '', month = '1'] = date.from.split('-');
  return {
    precision: date.precision,
    date: year,
    // Noon local time, so no time zone moves it into another month.
    month: new Date(Number(year), Number(month) - 1, 1, 12).getTime(),
    from: date.from,
    to: date.to,
  };
}

async function findByStamp(
  portal: PortalReads,
  collid: number,
  query: SheetQuery,
  accession: Accession,
  rules: Rules,
): Promise<SearchOutcome> {
  const variants = accessionSearchVariants(accession, rules.accession.variantWidth);
  const exact = await portal.findByAccession(collid, variants);
  if (exact.total > 0) {
    const candidates = await readCandidates(portal, collid, exact.records, null);
    const held = [...new Set(exact.records.map((r) => r.otherCatalogNumbers ?? '').filter(Boolean))];
    return {
      query,
      description: said('imaging.search.by-stamp', {
        variants: variants.join(', '),
        count: exact.total,
        held: held.length ? held.join('; ') : null,
      }),
      accession,
      sheet: null,
      candidates,
      notShown: exact.total - candidates.length,
    };
  }
  // The portal matches whole values only, so a legacy string like "1499; Acc. 12" needs a wildcard search
  // and a whole-token check of our own (PROTOCOL §3, §13 note 4).
  const inside = await findInsideLegacyStrings(portal, collid, accession);
  const candidates = await readCandidates(portal, collid, inside.records, null);
  const searched = { variants: variants.join(', '), accession: accession.value };
  const description =
    inside.records.length === 0
      ? said('imaging.search.inside-none', {
          ...searched,
          partial: inside.partial,
          limit: PATTERN_SCAN_LIMIT,
        })
      : said('imaging.search.inside-found', {
          ...searched,
          count: inside.records.length,
          values: inside.records.map((r) => `"${r.otherCatalogNumbers ?? ''}"`).join(', '),
        });
  return {
    query,
    description,
    accession,
    sheet: null,
    candidates,
    notShown: inside.records.length - candidates.length,
  };
}

async function findInsideLegacyStrings(portal: PortalReads, collid: number, accession: Accession) {
  const records: RecordSummary[] = [];
  const limit = 100;
  let offset = 0;
  let total = 0;
  do {
    const page = await portal.findByAccessionPattern(collid, `%${accession.value}%`, { offset, limit });
    total = page.total;
    records.push(
      ...page.records.filter((r) => legacyStringHoldsAccession(r.otherCatalogNumbers ?? '', accession)),
    );
    offset += limit;
    if (page.records.length === 0) break;
  } while (offset < total && offset < PATTERN_SCAN_LIMIT);
  return { records, partial: total > PATTERN_SCAN_LIMIT };
}

/**
 * One hit is shown from its search row, which holds every field the card shows: the record is read again
 * anyway, with its images, by the guarded save (at most 4 requests a stamped link, issue: portals differ).
 * Several hits are read, so the list can tell them apart by their images.
 */
async function readCandidates(
  portal: PortalReads,
  collid: number,
  found: RecordSummary[],
  sheet: SheetReading | null,
): Promise<Candidate[]> {
  const shown = found.slice(0, SHOWN);
  const single = shown.length === 1;
  const reads = single
    ? shown.map((row) => ({
        row,
        record: recordFromListing(row, collid),
        unreadable: row.unreadable ?? null,
      }))
    : await readEach(portal, shown);
  return reads.flatMap(({ row, record, unreadable }): Candidate[] => {
    if (unreadable)
      return [
        {
          record: recordFromListing(row, collid),
          imagesKnown: false,
          otherCatalogNumbers: row.otherCatalogNumbers,
          comparison: null,
          unreadable,
        },
      ];
    if (!record) return [];
    return [
      {
        record,
        imagesKnown: !single,
        otherCatalogNumbers: row.otherCatalogNumbers,
        comparison: sheet ? compareRecordToSheet(record, sheet) : null,
      },
    ];
  });
}
