/**
 * Keys typed before a screen's field has focus: right after login (or a reload) the screen's code may still
 * be loading while a technician already types the stamp or scans the barcode. While armed, what is typed with
 * nothing focused is kept and given to the first text field that takes focus, within a few seconds; an Enter
 * typed after it submits that field's form, as it would have. Keys typed into a field, or with a modifier,
 * are never touched, and nothing is kept once a field has had focus or the time is up.
 */
const KEEP_FOR_MS = 4000;

interface Early {
  text: string;
  enter: boolean;
  armedAt: number;
}

let early: Early | null = null;
let installed = false;
let clock: () => number = () => performance.now();

const nothingFocused = (target: EventTarget | null) =>
  target === null || target === document.body || target === document.documentElement;

function onKeyDown(event: KeyboardEvent) {
  if (early === null || !nothingFocused(event.target)) return;
  if (clock() - early.armedAt > KEEP_FOR_MS) {
    early = null;
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  if (event.key.length === 1 && !early.enter) early.text += event.key;
  else if (event.key === 'Backspace' && !early.enter) early.text = early.text.slice(0, -1);
  else if (event.key === 'Enter' && early.text !== '') early.enter = true;
  else return;
  event.preventDefault();
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

function onFocusIn(event: FocusEvent) {
  const field = event.target;
  if (early === null || !(field instanceof HTMLInputElement)) return;
  const kept = early;
  early = null;
  if (kept.text === '' || clock() - kept.armedAt > KEEP_FOR_MS) return;
  if (!['text', 'search', ''].includes(field.type) || field.readOnly || field.disabled || !setValue) return;
  // Through the native setter and an input event, so that the screen's own state sees the characters.
  setValue.call(field, field.value + kept.text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (kept.enter) field.form?.requestSubmit();
}

/** Starts keeping keys typed with nothing focused, until a field takes focus or a few seconds pass. */
export function armEarlyKeys(now: () => number = () => performance.now()): void {
  if (typeof document === 'undefined') return;
  clock = now;
  if (!installed) {
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    installed = true;
  }
  early = { text: '', enter: false, armedAt: clock() };
}

/** Forgets what was kept (the login failed: the keys were not meant for the login form). */
export function disarmEarlyKeys(): void {
  early = null;
}
