import { said, type Said } from './said';

/** The stock vocabulary as the portal stores it: lower case (PROTOCOL §7.3). */
export const STOCK_STATUSES = [
  'unprocessed',
  'unprocessed/nlp',
  'stage 1',
  'stage 2',
  'stage 3',
  'pending review-nfn',
  'pending review',
  'expert required',
  'reviewed',
  'closed',
] as const;

export const UNPROCESSED = 'unprocessed';
export const EXPERT_REQUIRED = 'expert required';
export const REVIEWED = 'reviewed';

/** Imports may store `Unprocessed`; the portal compares case-insensitively, so do we. */
export const sameStatus = (a: string | null, b: string | null) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * A status as the screens show it: the portal's own words for the stock ones (`station.status.expert-required`),
 * any other as it is stored, capitalised. What is stored and sent stays the portal's value.
 */
export function statusLabel(status: string | null): Said {
  const stored = (status ?? '').trim().toLowerCase();
  if (stored === '') return said('station.status.none');
  if ((STOCK_STATUSES as readonly string[]).includes(stored))
    return said(`station.status.${stored.replace(/[^a-z0-9]+/g, '-')}`);
  return said('station.status.other', {
    status: (status ?? '').replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
  });
}

/**
 * The portal's own list, from the `q_processingstatus` options of its query form: skips "All Records" (''),
 * the dashed separator and `isnull` (PROTOCOL §13), lower-cases the rest, keeps their order.
 */
export function statusVocabulary(optionValues: string[]): string[] {
  const statuses = optionValues
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '' && v !== 'isnull' && !/^-+$/.test(v));
  return [...new Set(statuses)];
}
