/** Case- and accent-insensitive form for comparing names typed at a station with names in the portal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * What was typed, quoted only as far as it helps: a long paste is cut, with its length said, so a
 * message never echoes 10,000 characters back. Control characters are shown as spaces. The values a
 * message takes as `"{typed}"{length, plural, =0 {} other { (# characters)}}` (length 0 when not cut).
 */
export function quoted(text: string, max = 32): { typed: string; length: number } {
  const clean = text.replace(/[\p{Cc}]/gu, ' ');
  const chars = [...clean];
  if (chars.length <= max) return { typed: clean, length: 0 };
  return { typed: `${chars.slice(0, max).join('')}…`, length: chars.length };
}
