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
 * message never echoes 10,000 characters back. Control characters are shown as spaces.
 */
export function quote(text: string, max = 32): string {
  const clean = text.replace(/[\p{Cc}]/gu, ' ');
  const chars = [...clean];
  if (chars.length <= max) return `"${clean}"`;
  return `"${chars.slice(0, max).join('')}…" (${chars.length} characters)`;
}
