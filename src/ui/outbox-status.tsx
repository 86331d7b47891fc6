import { useEffect, useState, useSyncExternalStore } from 'react';
import { describeIntent, isSettled, type OutboxItem } from '../domain/outbox';
import type { Outbox, OutboxView } from '../outbox/durable-portal';

export function useOutboxView(outbox: Outbox): OutboxView {
  return useSyncExternalStore(
    (onChange) => outbox.subscribe(onChange),
    () => outbox.view(),
  );
}

/** The clock, ticking once a second while something counts down. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** "next try in 7 s", or what it waits for. */
export function waitingText(item: OutboxItem, now: number): string {
  if (item.state === 'sending') return 'sending…';
  if (item.waitingFor === 'login') return 'waits for you to log in again';
  if (item.nextTryAt !== null && item.attempts > 0)
    return `the portal did not answer (${item.message ?? 'no answer'}); next try in ${seconds(item.nextTryAt - now)} s`;
  return 'waiting to be sent';
}

const SETTLED_TEXT: Record<'done' | 'refused' | 'needs-decision', string> = {
  done: 'saved',
  refused: 'refused by the portal',
  'needs-decision': 'needs a decision',
};

/** One line for a write: what it is and where it stands. */
export function outboxLine(item: OutboxItem, now: number): string {
  const what = describeIntent(item.intent);
  if (!isSettled(item)) return `${what}: ${waitingText(item, now)}`;
  const settled = SETTLED_TEXT[item.state as keyof typeof SETTLED_TEXT];
  return `${what}: ${settled}${item.message ? ` — ${item.message}` : ''}`;
}

/**
 * The one place that says whether the portal answers and what waits in the outbox: offline at once,
 * writes waiting with their countdown and Retry now, writes kept for another user, writes an earlier page
 * left that were finished here.
 */
export function OutboxBar({ outbox, user, since }: { outbox: Outbox; user: string; since: number }) {
  const view = useOutboxView(outbox);
  const pending = view.items.filter((i) => !isSettled(i));
  const mine = pending.filter((i) => i.user === user);
  const others = pending.filter((i) => i.user !== user);
  // Writes an earlier page left unfinished and this page finished (not every write of the last day).
  const recovered = view.items.filter(
    (i) => i.user === user && i.createdAt < since && i.settledAt !== null && i.settledAt >= since,
  );
  const now = useNow(mine.length > 0);
  if (!view.offline && mine.length === 0 && others.length === 0 && recovered.length === 0 && view.durable)
    return null;
  const owners = [...new Set(others.map((i) => i.user))];
  return (
    <section className={`outbox-bar${view.offline ? ' offline' : ''}`} aria-label="Outbox">
      {view.offline ? (
        <p role="status">
          <strong>Offline:</strong> the portal cannot be reached.{' '}
          {mine.length > 0
            ? `${mine.length} ${mine.length === 1 ? 'write waits' : 'writes wait'} in the outbox and go out when it answers.`
            : 'What you decide is kept in the outbox and goes out when it answers.'}
        </p>
      ) : null}
      {!view.durable ? (
        <p role="status">
          This browser cannot keep the outbox (no IndexedDB): writes waiting here are lost if the page closes.
        </p>
      ) : null}
      {mine.length > 0 ? (
        <div>
          <p role="status">
            {mine.length} {mine.length === 1 ? 'write' : 'writes'} in the outbox.{' '}
            <button type="button" onClick={() => outbox.retryNow()}>
              Retry now
            </button>
          </p>
          <ul>
            {mine.slice(0, 10).map((i) => (
              <li key={i.id}>{outboxLine(i, now)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {owners.map((owner) => (
        <p key={owner} role="status">
          {others.filter((i) => i.user === owner).length} writes decided by <strong>{owner}</strong> wait for{' '}
          {owner} to log in on this station; they are not sent under your name.
        </p>
      ))}
      {recovered.length > 0 ? (
        <div>
          <p>Finished after the station was reopened (also in the Journal):</p>
          <ul>
            {recovered.slice(0, 10).map((i) => (
              <li key={i.id}>{outboxLine(i, now)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** For a row of "This session": where its write stands in the outbox while it is not settled. */
export function OutboxNote({ outbox, match }: { outbox: Outbox; match: (item: OutboxItem) => boolean }) {
  const view = useOutboxView(outbox);
  const item = view.items.find((i) => !isSettled(i) && match(i));
  const now = useNow(item !== undefined);
  if (!item) return null;
  return <span className="hint"> {waitingText(item, now)}</span>;
}

/** The outbox as the Journal shows it: every write not (yet) saved, and why. */
export function OutboxList({ outbox }: { outbox: Outbox }) {
  const view = useOutboxView(outbox);
  const open = view.items.filter((i) => i.state !== 'done');
  const now = useNow(open.some((i) => !isSettled(i)));
  return (
    <section className="step-panel" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">In the outbox</h2>
      {open.length === 0 ? (
        <p className="hint">Every write of the last day reached the portal.</p>
      ) : (
        <ul>
          {open.map((i) => (
            <li key={i.id}>
              {outboxLine(i, now)}{' '}
              <span className="hint">
                ({i.user}, {new Date(i.createdAt).toLocaleString()})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
