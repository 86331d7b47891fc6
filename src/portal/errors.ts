import { said, type Said, type SaidValue } from '../domain/said';
import { say } from '../i18n/intl';

export type PortalErrorKind =
  | 'not-logged-in'
  | 'not-authorized'
  | 'login-failed'
  | 'record-changed'
  | 'barcode-in-use'
  | 'record-missing'
  | 'portal-refused'
  | 'portal-unreachable'
  | 'portal-busy'
  | 'unexpected-response'
  | 'merge-unconfirmed'
  | 'record-locked';

/**
 * An error from the portal that a technician can act on: what happened and what to do next, as codes
 * (`portal.error.…`, `portal.next.…` in src/i18n/locales) so that the outbox and the journal keep them in
 * any language. `detail` is what the portal itself said, kept as it is.
 */
export class PortalError extends Error {
  readonly kind: PortalErrorKind;
  readonly said: Said;
  readonly detail: string | undefined;

  constructor(kind: PortalErrorKind, code: string, values?: Record<string, SaidValue>, detail?: string) {
    super(code);
    this.name = 'PortalError';
    this.kind = kind;
    this.said = said(`portal.error.${code}`, values);
    this.detail = detail;
    // `message` is worded when read, in the station's language at that moment.
    Object.defineProperty(this, 'message', { get: () => say(this.said), configurable: true });
  }

  /** An error of this kind saying what a domain rule said (a replay that found the record changed). */
  static from(kind: PortalErrorKind, words: Said): PortalError {
    const code = words.code.replace(/^portal\.error\./, '');
    return new PortalError(kind, code, words.values);
  }

  get nextStep(): string {
    return say(nextStepOf(this.kind));
  }
}

export const nextStepOf = (kind: PortalErrorKind): Said => said(`portal.next.${kind}`);

export const isPortalError = (e: unknown): e is PortalError => e instanceof PortalError;

/**
 * Faults that pass by themselves (no network, no answer in time, the portal busy or failing): the write may
 * or may not have been carried out, so it is read back before it is sent again, and retried without a click.
 */
export const isTransient = (e: unknown): boolean =>
  isPortalError(e) && (e.kind === 'portal-unreachable' || e.kind === 'portal-busy');

/**
 * A problem with one record (another editor holds it, it is gone, the portal shows it in a way the station
 * cannot read), not with the portal, the session or the user's rights: a list can show the others.
 */
export const isRecordProblem = (e: unknown): e is PortalError =>
  isPortalError(e) &&
  (e.kind === 'record-locked' || e.kind === 'record-missing' || e.kind === 'unexpected-response');

/** Whatever was thrown, as codes: a portal error as itself, anything else as "something went wrong". */
export function saidOf(error: unknown): Said {
  if (isPortalError(error)) return error.said;
  return said('station.error.unexpected', { text: error instanceof Error ? error.message : String(error) });
}

/** Whatever was thrown, as what happened and what to do next (codes, worded where they are shown). */
export function explained(error: unknown): Said[] {
  if (isPortalError(error)) return [error.said, nextStepOf(error.kind)];
  if (error instanceof Error) return [said('station.error.unexpected-with-next', { text: error.message })];
  return [said('station.error.unexpected-plain')];
}

/** A sentence for the status line, whatever was thrown. */
export function explain(error: unknown): string {
  if (isPortalError(error)) return `${error.message} ${error.nextStep}`;
  if (error instanceof Error) return say(said('station.error.unexpected-with-next', { text: error.message }));
  return say(said('station.error.unexpected-plain'));
}

