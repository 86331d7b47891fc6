export type StatusTone = 'info' | 'success' | 'warning' | 'error';

/** The one line that tells the technician what just happened and what to do next. Read out by screen readers. */
export function StatusLine({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  return (
    <p className={`status-line status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
