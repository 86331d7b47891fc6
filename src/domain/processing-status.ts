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

export const statusLabel = (status: string | null) =>
  status === null || status.trim() === '' ? 'No status' : status.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

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
