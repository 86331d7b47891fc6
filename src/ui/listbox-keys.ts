/**
 * ↑ ↓ Home End move the highlight of a keyboard listbox (wrapping), Enter picks. Returns true when the key
 * was one of them, so the caller prevents its default.
 */
export function listboxKey(
  key: string,
  count: number,
  highlighted: number,
  on: { highlight: (index: number) => void; choose: (index: number) => void },
): boolean {
  if (count === 0) return false;
  if (key === 'ArrowDown') on.highlight((highlighted + 1) % count);
  else if (key === 'ArrowUp') on.highlight((highlighted - 1 + count) % count);
  else if (key === 'Home') on.highlight(0);
  else if (key === 'End') on.highlight(count - 1);
  else if (key === 'Enter') on.choose(highlighted);
  else return false;
  return true;
}
