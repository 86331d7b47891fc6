/** A rule's answer: a value, or a message a technician can act on. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; suggestion?: string };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refuse = <T = never>(message: string, suggestion?: string): Checked<T> =>
  suggestion === undefined ? { ok: false, message } : { ok: false, message, suggestion };
