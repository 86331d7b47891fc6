import { useMemo, useState } from 'react';
import { OutboxList } from '../../ui/outbox-status';
import { useSay } from '../../i18n/use-say';
import { throughput, type WorkDone } from '../../domain/throughput';
import { journalToCsv } from '../../journal/journal-csv';
import type { JournalAction, JournalEntry } from '../../journal/station-journal';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { ThroughputFigures } from '../../ui/throughput-figures';
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
    const blob = new Blob([journalToCsv(filtered, say)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `specimen-linker-journal-${today}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div className="screen journal">
      <h1 className="screen-title">Station journal</h1>
      <OutboxList outbox={outbox} />
      <section className="step-panel" aria-labelledby="throughput-heading">
        <h2 id="throughput-heading">Today, {username}</h2>
        <ThroughputFigures figures={figures} label={`Throughput today, ${username}`} />
        <p className="hint">Breaks longer than 10 minutes are left out of the rates.</p>
      </section>
      <form
        className="step-panel journal-filters"
        aria-label="Filter the journal"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value as JournalAction | 'all')}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a === 'all' ? 'All actions' : a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'all' | 'done' | 'failed')}>
            <option value="all">All outcomes</option>
            <option value="done">Done</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label>
          Barcode, record, user or text
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="button" onClick={exportCsv} disabled={filtered.length === 0}>
          Export {filtered.length} as CSV
        </button>
      </form>
      {undoNotice ? <StatusLine tone={undoNotice.tone}>{undoNotice.text}</StatusLine> : null}
      {entries.isError ? (
        <StatusLine tone="error">
          The journal could not be read from this browser&apos;s storage ({String(entries.error)}).
        </StatusLine>
      ) : null}
      <section className="step-panel" aria-label="Journal entries">
        {entries.isPending ? <p>Reading the journal…</p> : null}
        {entries.isSuccess && filtered.length === 0 ? <p>Nothing in the journal matches.</p> : null}
        {filtered.length > 0 ? (
          <table className="journal-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Barcode</th>
                <th scope="col">Before → after</th>
                <th scope="col">Outcome</th>
                <th scope="col">Undo</th>
              </tr>
            </thead>
            <tbody>
              {filtered.slice(0, 500).map((e) => (
                <tr key={e.id} className={e.outcome === 'failed' ? 'link-failed' : undefined}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.user}</td>
                  <td>{e.action}</td>
                  <td>{e.occid}</td>
                  <td>{e.barcode ?? '—'}</td>
                  <td>
                    {shown(e.before)} → {shown(e.after)}
                    {e.mergedRecords ? <MergeRestore entry={e} /> : null}
                  </td>
                  <td>
                    <strong>{e.outcome}</strong> <span className="hint">{say(e.said)}</span>
                  </td>
                  <td>
                    {e.outcome === 'done' && e.action !== 'undo' && e.action !== 'comment' ? (
                      <button type="button" disabled={undoing !== null} onClick={() => void undo(e)}>
                        Undo {e.action} of record {e.occid}
                      </button>
                    ) : null}
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

/** A merge cannot be undone through the portal; the journal keeps what an administrator needs to restore it. */
function MergeRestore({ entry }: { entry: JournalEntry }) {
  const records = entry.mergedRecords!;
  return (
    <details>
      <summary>How to undo this merge</summary>
      <p>
        The portal&apos;s merge cannot be undone from this station. The deleted record{' '}
        {records.skeletal.occid} is kept by the portal in its archive of deleted records (table{' '}
        <code>omoccurarchive</code>); a portal administrator can restore it from there, then give record{' '}
        {records.legacy.occid} back the values below (its barcode was{' '}
        {records.legacy.catalogNumber ?? 'empty'}, its status {records.legacy.processingStatus ?? 'empty'})
        and move the image back.
      </p>
      <pre className="merge-records">{JSON.stringify(records, null, 1)}</pre>
    </details>
  );
}
