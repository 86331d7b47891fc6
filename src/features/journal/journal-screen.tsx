import { useMemo, useState } from 'react';
import { OutboxList } from '../../ui/outbox-status';
import { formatMoment } from '../../i18n/format';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { throughput, type WorkDone } from '../../domain/throughput';
import { journalToCsv } from '../../journal/journal-csv';
import type { JournalAction, JournalEntry } from '../../journal/station-journal';
import { useStation } from '../../ui/station';
import { NoticeLine, StatusLine } from '../../ui/status-line';
import { ThroughputFigures } from '../../ui/throughput-figures';
import { undoPlan } from '../../journal/undo';
import { shown, useJournal } from './use-journal';

const ACTIONS: (JournalAction | 'all')[] = [
  'all',
  'link',
  'accession',
  'status',
  'merge',
  'escalation',
  'resolution',
  'undo',
  'comment',
];

const kindOf = (e: JournalEntry): WorkDone['kind'] =>
  e.outcome !== 'done'
    ? 'other'
    : e.action === 'escalation'
      ? 'escalation'
      : ['link', 'accession', 'merge'].includes(e.action)
        ? 'link'
        : 'other';

/** Everything this station wrote to the portal, filtered, with the day's throughput and a CSV export. */
export function JournalScreen() {
  const { username, outbox } = useStation();
  const say = useSay();
  const { entries, undo, undoing, undoNotice } = useJournal();
  const [action, setAction] = useState<JournalAction | 'all'>('all');
  const [outcome, setOutcome] = useState<'all' | 'done' | 'failed'>('all');
  const [text, setText] = useState('');

  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (entries.data ?? []).filter(
      (e) =>
        (action === 'all' || e.action === action) &&
        (outcome === 'all' || e.outcome === outcome) &&
        (needle === '' ||
          [e.barcode, String(e.occid), e.user, say(e.said)].some((v) =>
            (v ?? '').toLowerCase().includes(needle),
          )),
    );
  }, [entries.data, action, outcome, text, say]);

  const today = new Date().toISOString().slice(0, 10);
  const mine = (entries.data ?? []).filter((e) => e.user === username && e.at.startsWith(today));
  const figures = throughput(
    mine.map((e) => ({ at: e.at, kind: kindOf(e) })),
    new Date().toISOString(),
  );

  const exportCsv = () => {
    const blob = new Blob([journalToCsv(filtered, (w) => say(w))], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `specimen-linker-journal-${today}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div className="screen journal">
      <h1 className="screen-title">{say('journal.title')}</h1>
      <OutboxList outbox={outbox} />
      <section className="step-panel" aria-labelledby="throughput-heading">
        <h2 id="throughput-heading">{say('journal.today.heading', { user: username })}</h2>
        <ThroughputFigures figures={figures} label={say('journal.today.throughput', { user: username })} />
        <p className="hint">{say('journal.today.breaks')}</p>
      </section>
      <form
        className="step-panel journal-filters"
        aria-label={say('journal.filter.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {say('journal.filter.action')}
          <select value={action} onChange={(e) => setAction(e.target.value as JournalAction | 'all')}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a === 'all' ? say('journal.filter.all-actions') : say(`journal.action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('journal.filter.outcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'all' | 'done' | 'failed')}>
            <option value="all">{say('journal.filter.all-outcomes')}</option>
            <option value="done">{say('journal.filter.done')}</option>
            <option value="failed">{say('journal.filter.failed')}</option>
          </select>
        </label>
        <label>
          {say('journal.filter.text')}
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="button" onClick={exportCsv} disabled={filtered.length === 0}>
          {say('journal.export', { count: filtered.length })}
        </button>
      </form>
      {undoNotice ? <NoticeLine notice={undoNotice} /> : null}
      {entries.isError ? (
        <StatusLine tone="error">{say('journal.read-failed', { text: String(entries.error) })}</StatusLine>
      ) : null}
      <section className="step-panel" aria-label={say('journal.entries')}>
        {entries.isPending ? <p>{say('journal.reading')}</p> : null}
        {entries.isSuccess && filtered.length === 0 ? <p>{say('journal.nothing-matches')}</p> : null}
        {filtered.length > 0 ? (
          <table className="journal-table">
            <thead>
              <tr>
                <th scope="col">{say('journal.column.time')}</th>
                <th scope="col">{say('journal.column.user')}</th>
                <th scope="col">{say('journal.column.action')}</th>
                <th scope="col">{say('journal.column.record')}</th>
                <th scope="col">{say('journal.column.barcode')}</th>
                <th scope="col">{say('journal.column.change')}</th>
                <th scope="col">{say('journal.column.outcome')}</th>
                <th scope="col">{say('journal.column.undo')}</th>
              </tr>
            </thead>
            <tbody>
              {filtered.slice(0, 500).map((e) => (
                <tr key={e.id} className={e.outcome === 'failed' ? 'link-failed' : undefined}>
                  <td>{formatMoment(e.at)}</td>
                  <td translate="no">{e.user}</td>
                  <td>{say(`journal.action.${e.action}`)}</td>
                  <td>{e.occid}</td>
                  <td>{e.barcode ?? '—'}</td>
                  <td>
                    {/* The values as the portal holds them, in its own field names: data, not the station's words. */}
                    <span translate="no">
                      {shown(e.before)} → {shown(e.after)}
                    </span>
                    {e.mergedRecords ? <MergeRestore entry={e} /> : null}
                  </td>
                  <td>
                    <strong>{say(`journal.outcome.${e.outcome}`)}</strong>{' '}
                    <span className="hint">{say(e.said)}</span>
                  </td>
                  <td>
                    <UndoCell entry={e} all={entries.data ?? []} busy={undoing !== null} onUndo={undo} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

/**
 * Undo is offered only where the station can do it; where it cannot (an accession number, a merge, a record
 * it created) the row says so and why, instead of a button that then refuses.
 */
function UndoCell({
  entry,
  all,
  busy,
  onUndo,
}: {
  entry: JournalEntry;
  all: JournalEntry[];
  busy: boolean;
  onUndo: (entry: JournalEntry) => Promise<void> | void;
}) {
  const say = useSay();
  if (entry.outcome !== 'done' || entry.action === 'undo' || entry.action === 'comment') return null;
  const plan = undoPlan(entry, all);
  if (plan.ok)
    return (
      <button type="button" disabled={busy} onClick={() => void onUndo(entry)}>
        {say('journal.undo.button', { action: entry.action, occid: entry.occid })}
      </button>
    );
  return (
    <details className="undo-why">
      <summary>{say('journal.undo.not-here')}</summary>
      <p className="hint">{say(plan.why)}</p>
    </details>
  );
}

/** A merge cannot be undone through the portal; the journal keeps what an administrator needs to restore it. */
function MergeRestore({ entry }: { entry: JournalEntry }) {
  const say = useSay();
  const sayRich = useSayRich();
  const records = entry.mergedRecords!;
  return (
    <details>
      <summary>{say('journal.merge.summary')}</summary>
      <p>
        {sayRich('journal.merge.restore', {
          skeletal: records.skeletal.occid,
          legacy: records.legacy.occid,
          barcode: records.legacy.catalogNumber ?? null,
          status: records.legacy.processingStatus ?? null,
        })}
      </p>
      <pre className="merge-records">{JSON.stringify(records, null, 1)}</pre>
    </details>
  );
}
