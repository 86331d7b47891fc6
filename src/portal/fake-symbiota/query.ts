import { columnFor } from './columns';
import type { FakeIdentifier, FakeRecord } from './state';

/** The editor's query parameters (PROTOCOL §5.2) as the fake understands them. */
export interface EditorQuery {
  collid: number;
  othercatalognumbers?: string;
  recordedby?: string;
  recordnumber?: string;
  eventdate?: string;
  processingstatus?: string;
  catalognumber?: string;
  orderby?: string;
  orderbydir?: string;
}

const lower = (v: string | null | undefined) => (v ?? '').toLowerCase();
const isNumeric = (v: string) => /^-?\d+(\.\d+)?$/.test(v.trim());
const likeToRegex = (term: string) =>
  new RegExp(
    `^${term
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
    'i',
  );

/** One `q_othercatalognumbers` term against one stored value (Mgr:289-350). */
function ocnTermMatches(term: string, stored: string): boolean {
  if (term.includes('%')) return likeToRegex(term).test(stored);
  const range = /^(.+) - (.+)$/.exec(term);
  if (range) {
    const [a, b] = [range[1]!.trim(), range[2]!.trim()];
    if (isNumeric(a) && isNumeric(b)) return isNumeric(stored) && +stored >= +a && +stored <= +b;
    return stored.length === a.length && lower(stored) >= lower(a) && lower(stored) <= lower(b);
  }
  if (term.startsWith('<')) return lower(stored) < lower(term.slice(1).trim());
  if (term.startsWith('>')) return lower(stored) > lower(term.slice(1).trim());
  // A numeric term that starts with 0 also matches its zero-stripped form; never the other way round (§3.1).
  const variants = [term];
  if (/^0\d*$/.test(term)) variants.push(term.replace(/^0+/, '') || '0');
  return variants.some((v) => lower(v) === lower(stored));
}

function othercatalognumbersMatch(q: string, record: FakeRecord, ids: FakeIdentifier[]): boolean {
  const legacy = record.fields['otherCatalogNumbers'] ?? null;
  if (q.trim().toLowerCase() === 'is null') return legacy === null && ids.length === 0;
  const stored = [...(legacy === null ? [] : [legacy]), ...ids.map((i) => i.value)];
  const terms = q
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return terms.some((t) => stored.some((s) => ocnTermMatches(t, s)));
}

const STOPWORDS = new Set([
  'a',
  'about',
  'an',
  'are',
  'as',
  'at',
  'be',
  'by',
  'com',
  'de',
  'en',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'la',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'what',
  'when',
  'where',
  'who',
  'will',
  'with',
  'und',
  'www',
]);
const tokens = (text: string) =>
  lower(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** `q_recordedby` (Mgr:401-414): `%` switches to a word search, else a prefix LIKE. */
function recordedByMatches(q: string, recordedBy: string | null): boolean {
  const value = recordedBy ?? '';
  if (q.trim().toLowerCase() === 'is null') return recordedBy === null;
  if (!q.startsWith('%')) return likeToRegex(`${q}%`).test(value);
  const name = q.slice(1);
  if (name.length < 3)
    return new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(value);
  // MATCH ... AGAINST (... IN BOOLEAN MODE): `+word` required, `-word` excluded, other words OR-ed;
  // words under three characters and stopwords are not indexed.
  const have = new Set(tokens(value));
  const words = name.split(/\s+/).filter(Boolean);
  const indexed = (w: string) => w.length >= 3 && !STOPWORDS.has(w);
  let required = 0;
  let optionalHit = false;
  let optional = 0;
  for (const raw of words) {
    const op = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
    const word = tokens(raw)[0] ?? '';
    if (!indexed(word)) continue;
    if (op === '+') {
      if (!have.has(word)) return false;
      required += 1;
    } else if (op === '-') {
      if (have.has(word)) return false;
    } else {
      optional += 1;
      optionalHit ||= have.has(word);
    }
  }
  return required > 0 ? true : optional > 0 && optionalHit;
}

/** `q_recordnumber` (Mgr:352-399): numeric input is compared as a number, so `0212` and `212a` match 212. */
function recordNumberMatches(q: string, recordNumber: string | null): boolean {
  return q
    .split(',')
    .map((t) => t.trim())
    .some((term) => {
      if (term.toLowerCase() === 'is null') return recordNumber === null;
      if (recordNumber === null) return false;
      if (isNumeric(term)) return parseFloat(recordNumber) === +term;
      return lower(recordNumber) === lower(term);
    });
}

/** `q_eventdate` (Mgr:416-434): exact day, `a - b` or `a to b` range, `<`/`>`. */
function eventDateMatches(q: string, eventDate: string | null): boolean {
  if (eventDate === null) return false;
  const range = /^(\S+)\s+(?:-|to)\s+(\S+)$/i.exec(q.trim());
  if (range) return eventDate >= range[1]! && eventDate <= range[2]!;
  if (q.startsWith('<')) return eventDate < q.slice(1).trim();
  if (q.startsWith('>')) return eventDate > q.slice(1).trim();
  return eventDate === q.trim();
}

/** `q_catalognumber` (Mgr:210-288): exact, or `<`/`>` compared as text the way MySQL compares strings. */
function catalogNumberMatches(q: string, catalogNumber: string | null): boolean {
  const term = q.trim();
  if (term.startsWith('>') || term.startsWith('<')) {
    if (catalogNumber === null) return false;
    const bound = lower(term.slice(1).trim());
    return term.startsWith('>') ? lower(catalogNumber) > bound : lower(catalogNumber) < bound;
  }
  return lower(catalogNumber) === lower(term);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function runEditorQuery(
  records: FakeRecord[],
  identifiersOf: (occid: number) => FakeIdentifier[],
  q: EditorQuery,
): FakeRecord[] {
  // `occid N` in q_catalognumber is read as a record number (Mgr::setSqlWhere; rec. 21a).
  const byNumber = /^occid(\d+)$/i.exec((q.catalognumber ?? '').trim());
  const hits = records.filter((r) => {
    if (r.collid !== q.collid) return false;
    if (byNumber && r.occid !== Number(byNumber[1])) return false;
    if (q.othercatalognumbers && !othercatalognumbersMatch(q.othercatalognumbers, r, identifiersOf(r.occid)))
      return false;
    if (q.recordedby && !recordedByMatches(q.recordedby, r.fields['recordedBy'] ?? null)) return false;
    if (q.recordnumber && !recordNumberMatches(q.recordnumber, r.fields['recordNumber'] ?? null))
      return false;
    if (q.eventdate && !eventDateMatches(q.eventdate, r.fields['eventDate'] ?? null)) return false;
    if (
      !byNumber &&
      q.catalognumber &&
      !catalogNumberMatches(q.catalognumber, r.fields['catalogNumber'] ?? null)
    )
      return false;
    if (q.processingstatus) {
      const status = r.fields['processingStatus'] ?? null;
      if (q.processingstatus === 'isnull' ? status !== null : lower(status) !== lower(q.processingstatus))
        return false;
    }
    return true;
  });
  const column = q.orderby ? columnFor(q.orderby) : undefined;
  if (column) {
    const dir = lower(q.orderbydir) === 'desc' ? -1 : 1;
    // Sort keys computed once per record: a 20,000-record queue is sorted on every page request.
    const keyed = hits.map((r) => ({ r, key: lower(r.fields[column]) }));
    keyed.sort((a, b) => dir * (byText(a.key, b.key) || a.r.occid - b.r.occid));
    return keyed.map((k) => k.r);
  }
  hits.sort((a, b) => a.occid - b.occid);
  return hits;
}
