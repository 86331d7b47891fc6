import type { Said } from '../domain/said';
import { useSay } from '../i18n/use-say';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

/** The one line that tells the technician what just happened and what to do next. Read out by screen readers. */
export function StatusLine({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  return (
    <p className={`status-line status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** What a screen has to tell, kept as codes so it is worded in the language shown (sentences in order). */
export interface Notice {
  tone: StatusTone;
  words: Said[];
}

/** A notice as its status line, worded in the station's language. */
export function NoticeLine({ notice }: { notice: Notice }) {
  const say = useSay();
  return <StatusLine tone={notice.tone}>{notice.words.map((w) => say(w)).join(' ')}</StatusLine>;
}
