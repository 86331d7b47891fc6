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

const NEXT_STEP: Record<PortalErrorKind, string> = {
  'not-logged-in': 'Log in again; nothing was saved.',
  'not-authorized': 'Ask a collection administrator for editor rights on this collection; nothing was saved.',
  'login-failed': 'Check the user name and password and try again.',
  'record-changed': 'Look at the record again before deciding; nothing was saved.',
  'barcode-in-use': 'Check the barcode label; if it is right, escalate to a supervisor. Nothing was saved.',
  'record-missing': 'The record may have been merged or deleted; search again.',
  'portal-refused': 'Nothing was saved; try again, or tell a supervisor what the portal said.',
  'portal-unreachable': 'Check the network connection and retry; your input is kept.',
  'portal-busy': 'The station tries again by itself; your input is kept.',
  'unexpected-response':
    'The portal answered in a way this app does not understand; tell a supervisor. Your input is kept.',
  'merge-unconfirmed': 'Open both records in the portal and check them before going on; tell a supervisor.',
  'record-locked': 'Try again in a few minutes; nothing was changed.',
};

/** An error from the portal that a technician can act on: what happened, and what to do next. */
export class PortalError extends Error {
  readonly kind: PortalErrorKind;
  readonly nextStep: string;
  readonly detail: string | undefined;

  constructor(kind: PortalErrorKind, message: string, detail?: string) {
    super(message);
    this.name = 'PortalError';
    this.kind = kind;
    this.nextStep = NEXT_STEP[kind];
    this.detail = detail;
  }
}

export const isPortalError = (e: unknown): e is PortalError => e instanceof PortalError;

/**
 * Faults that pass by themselves (no network, no answer in time, the portal busy or failing): the write may
 * or may not have been carried out, so it is read back before it is sent again, and retried without a click.
 */
export const isTransient = (e: unknown): boolean =>
  isPortalError(e) && (e.kind === 'portal-unreachable' || e.kind === 'portal-busy');

/** A sentence for the status line, whatever was thrown. */
export function explain(error: unknown): string {
  if (isPortalError(error)) return `${error.message} ${error.nextStep}`;
  if (error instanceof Error) return `Something went wrong: ${error.message}. Your input is kept; try again.`;
  return 'Something went wrong. Your input is kept; try again.';
}
