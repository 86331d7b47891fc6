import { useEffect, useState, useSyncExternalStore } from 'react';
import { said, type Said } from '../domain/said';
import { taskOutcome, taskSettled, type Task } from '../domain/task';
import { rowWords, taskLabel, taskRow, type TaskRow } from '../domain/task-rows';
import { formatMoment } from '../i18n/format';
import { useSay } from '../i18n/use-say';
import type { Outbox, OutboxView } from '../outbox/outbox';

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

/** "next try in 7 s", or what a task waits for. */
export function waitingSaid(
  wait: Pick<TaskRow, 'waitingFor' | 'nextTryAt' | 'note'>,
  sending: boolean,
  now: number,
): Said {
  if (sending) return said('outbox.sending');
  if (wait.waitingFor === 'login') return said('outbox.waits-for-login');
  if (wait.waitingFor === 'network' && wait.nextTryAt !== null)
    return said('outbox.next-try', { seconds: seconds(wait.nextTryAt - now) });
  return said('outbox.waiting');
}

/** One line for a task: what was decided and where it stands. */
function TaskLine({ task, now }: { task: Task; now: number }) {
  const say = useSay();
  const outcome = taskOutcome(task);
  const sending = task.steps.some((s) => s.state === 'sending');
  const where =
    outcome.kind === 'working'
      ? say(waitingSaid({ ...outcome, note: null }, sending, now))
      : say(`outbox.outcome.${outcome.kind}`);
  const problem = outcome.kind === 'done' ? null : 'problem' in outcome ? outcome.problem : null;
  return (
    <>
      {say(taskLabel(task.decision))}: {where}
      {problem ? ` — ${say(problem)}` : null}
    </>
  );
}

/**
 * The one place that says whether the portal answers and what waits in the outbox: offline at once,
 * tasks waiting with their countdown and Retry now, tasks kept for another user, tasks an earlier page
 * left that were finished here.
 */
export function OutboxBar({ outbox, user, since }: { outbox: Outbox; user: string; since: number }) {
  const say = useSay();
  const view = useOutboxView(outbox);
  const pending = view.tasks.filter((t) => !taskSettled(t));
  const mine = pending.filter((t) => t.user === user);
  const others = pending.filter((t) => t.user !== user);
  // Tasks an earlier page left unfinished and this page finished (not every task of the last day).
  const recovered = view.tasks.filter(
    (t) => t.user === user && t.createdAt < since && t.settledAt !== null && t.settledAt >= since,
  );
  const now = useNow(mine.length > 0);
  if (
    !view.offline &&
    mine.length === 0 &&
    others.length === 0 &&
    recovered.length === 0 &&
    view.durable &&
    view.journalProblem === null
  )
    return null;
  const owners = [...new Set(others.map((t) => t.user))];
  return (
    <section className={`outbox-bar${view.offline ? ' offline' : ''}`} aria-label={say('outbox.bar')}>
      {view.offline ? (
        <p role="status">
          <strong>{say('outbox.offline')}</strong> {say('outbox.offline-waiting', { count: mine.length })}
        </p>
      ) : null}
      {!view.durable ? <p role="status">{say('outbox.not-durable')}</p> : null}
      {view.journalProblem ? <p role="alert">{say(view.journalProblem)}</p> : null}
      {mine.length > 0 ? (
        <div>
          <p role="status">
            {say('outbox.count', { count: mine.length })}{' '}
            <button type="button" onClick={() => outbox.retryNow()}>
              {say('outbox.retry-now')}
            </button>
          </p>
          <ul>
            {mine.slice(0, 10).map((t) => (
              <li key={t.id}>
                <TaskLine task={t} now={now} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {owners.map((owner) => (
        <p key={owner} role="status">
          {say('outbox.others', { count: others.filter((t) => t.user === owner).length, owner })}
        </p>
      ))}
      {recovered.length > 0 ? (
        <div>
          <p>{say('outbox.recovered')}</p>
          <ul>
            {recovered.slice(0, 10).map((t) => (
              <li key={t.id}>
                <TaskLine task={t} now={now} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** For a row of "This session": where its task stands while it waits. */
export function WaitNote({ row, outbox }: { row: TaskRow; outbox: Outbox }) {
  const say = useSay();
  const view = useOutboxView(outbox);
  const sending = view.tasks.some((t) => t.id === row.id && t.steps.some((s) => s.state === 'sending'));
  const now = useNow(row.waitingFor === 'network');
  // Why it waits and when it is tried next, in one line.
  const words = [...rowWords(row), waitingSaid(row, sending, now)].map((w) => say(w));
  return <span className="hint"> {words.join(' ')}</span>;
}

/** Where one task stands while a screen waits for it (a Review case being resolved). */
export function TaskWaitNote({ outbox, taskId }: { outbox: Outbox; taskId: string }) {
  const view = useOutboxView(outbox);
  const task = view.tasks.find((t) => t.id === taskId);
  if (!task) return null;
  const row = taskRow(task);
  if (row.state !== 'saving') return null;
  return <WaitNote row={row} outbox={outbox} />;
}

/** The outbox as the Journal shows it: every task not (yet) wholly in the portal, and why. */
export function OutboxList({ outbox }: { outbox: Outbox }) {
  const say = useSay();
  const view = useOutboxView(outbox);
  const open = view.tasks.filter((t) => taskOutcome(t).kind !== 'done');
  const now = useNow(open.some((t) => !taskSettled(t)));
  return (
    <section className="step-panel" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{say('outbox.list.heading')}</h2>
      {open.length === 0 ? (
        <p className="hint">{say('outbox.list.empty')}</p>
      ) : (
        <ul>
          {open.map((t) => (
            <li key={t.id}>
              <TaskLine task={t} now={now} />{' '}
              <span className="hint">{say('outbox.list.who', { user: t.user, at: formatMoment(t.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
