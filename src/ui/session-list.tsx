import { useMemo } from 'react';
import { rowWords, sessionRows, type RowState, type TaskRow } from '../domain/task-rows';
import type { TaskScreen } from '../domain/task';
import { throughput } from '../domain/throughput';
import { useSay } from '../i18n/use-say';
import { useOutboxView, WaitNote } from './outbox-status';
import { useStation } from './station';
import { ThroughputFigures } from './throughput-figures';

/** "This session" of a screen: the outbox's tasks decided there since the session began (kept over a reload). */
export function useSessionRows(screen: TaskScreen): TaskRow[] {
  const { outbox, username, sessionSince } = useStation();
  const view = useOutboxView(outbox);
  return useMemo(
    () => sessionRows(view.tasks, screen, username, sessionSince),
    [view.tasks, screen, username, sessionSince],
  );
}

const COUNTED: RowState[] = ['linked', 'merged', 'escalated', 'resolved', 'undone', 'failed', 'saving'];

function Summary({ rows, skipped }: { rows: TaskRow[]; skipped: number }) {
  const say = useSay();
  const count = (state: RowState) => rows.filter((r) => r.state === state).length;
  const parts = COUNTED.filter((s) => count(s) > 0).map((s) =>
    say(`session.summary.${s}`, { count: count(s) }),
  );
  const troubled = rows.filter((r) => r.problemAfter === 'failed').length;
  if (troubled > 0) parts.push(say('session.summary.with-problem', { count: troubled }));
  if (skipped > 0) parts.push(say('session.summary.skipped', { count: skipped }));
  return <span className="hint">{parts.join(', ')}</span>;
}

/**
 * Links this session, per hour, median seconds per specimen, escalation rate: the clock technicians watch.
 * Counted over both linking screens, as the Journal counts the same work (one figure however the technician
 * moved between Option 1 and Option 2), each decision at the time it was made.
 */
function ThroughputLine() {
  const say = useSay();
  const imaging = useSessionRows('imaging');
  const unprocessed = useSessionRows('unprocessed');
  const t = throughput(
    [...imaging, ...unprocessed].map((r) => ({
      at: new Date(r.at).toISOString(),
      kind: ['linked', 'merged'].includes(r.state)
        ? 'link'
        : r.state === 'escalated'
          ? 'escalation'
          : 'other',
    })),
    new Date().toISOString(),
  );
  return <ThroughputFigures figures={t} label={say('session.throughput')} />;
}

interface Props {
  rows: TaskRow[];
  /** Records left for later this session (nothing written): counted only. */
  skipped?: number;
  /** Takes a refused decision up again where it was made (Option 1's scan step). */
  onReopen?: (id: string) => void;
  /** The linking rates: for the technicians' screens, not for Review. */
  showThroughput?: boolean;
}

/** The last specimens of this session, newest first; a decision the portal did not take waits here with Retry. */
export function SessionList({ rows, skipped = 0, onReopen, showThroughput = true }: Props) {
  const say = useSay();
  const { outbox } = useStation();
  if (rows.length === 0 && skipped === 0) return null;
  return (
    <section className="session-links" aria-labelledby="session-heading">
      <h2 id="session-heading">
        {say('session.heading')} <Summary rows={rows} skipped={skipped} />
      </h2>
      {showThroughput ? <ThroughputLine /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{say('session.column.barcode')}</th>
            <th scope="col">{say('session.column.specimen')}</th>
            <th scope="col">{say('session.column.record')}</th>
            <th scope="col">{say('session.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 50).map((r) => (
            <tr
              key={r.id}
              className={`link-${r.state}${r.problemAfter === 'failed' ? ' link-with-problem' : ''}`}
            >
              <td>{r.barcode}</td>
              <td>{say(r.label)}</td>
              <td>{r.occid}</td>
              <td>
                <strong>{say(`session.state.${r.state}`)}</strong>
                {r.state !== 'failed' && r.state !== 'saving' && rowWords(r).length > 0 ? (
                  <span className="hint">
                    {' '}
                    {rowWords(r)
                      .map((w) => say(w))
                      .join(' ')}
                  </span>
                ) : null}
                {r.state === 'saving' ? <WaitNote row={r} outbox={outbox} /> : null}
                {r.state === 'failed' ? (
                  <>
                    {' '}
                    <span role="alert">
                      {rowWords(r)
                        .map((w) => say(w))
                        .join(' ')}
                    </span>
                  </>
                ) : null}
                {r.retryable ? (
                  <>
                    {' '}
                    <button type="button" onClick={() => outbox.retry(r.id)}>
                      {say('session.retry', { barcode: r.barcode ?? r.occid ?? '' })}
                    </button>
                  </>
                ) : null}
                {r.reopenable && onReopen ? (
                  <>
                    {' '}
                    <button type="button" onClick={() => onReopen(r.id)}>
                      {say('session.reopen', { barcode: r.barcode ?? '' })}
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
