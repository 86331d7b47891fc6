import type { Said, SaidValue } from '../domain/said';
import { statusLabel } from '../domain/processing-status';

/**
 * Values a message shows that the portal stores in its own words: a processing status (`expert required`)
 * is kept and sent exactly so, but shown as the portal's own term in the station's language ("Experto
 * Requerido"), as the portal's editor shows it. Message arguments named `status` or `merged` are statuses.
 */
const STATUS_ARGUMENTS = ['status', 'merged'];

export function shownValues(
  values: Record<string, SaidValue> | undefined,
  word: (said: Said) => string,
): Record<string, SaidValue> | undefined {
  if (!values) return values;
  let shown: Record<string, SaidValue> | undefined;
  for (const name of STATUS_ARGUMENTS) {
    const value = values[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const label = statusLabel(value);
    if (label.code === 'station.status.other') continue;
    shown ??= { ...values };
    shown[name] = word(label);
  }
  return shown ?? values;
}
