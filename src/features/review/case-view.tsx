import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { readAccession } from '../../domain/accession';
import { readBarcode } from '../../domain/barcode';
import { previewMerge } from '../../domain/merge-preview';
import { hasBarcode } from '../../domain/occurrence';
import { keepInJournal } from '../../journal/station-journal';
import { explain } from '../../portal/errors';
import { MergePreviewTable } from '../../ui/merge-preview-table';
import { OutboxNote } from '../../ui/outbox-status';
import { RecordCard } from '../../ui/record-card';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { useStepKeys } from '../../ui/use-step-keys';
import { LabelHintsTable } from '../../ui/label-hints';
import { useLabelHints, useSheetReading } from '../../ui/use-sheet-reading';
import { findCandidates, reasonText, type ReviewCase } from './review-cases';
import { resolveCase, type Resolution } from './resolutions';

type DecisionKey = 'm' | 'a' | 'b' | 'u' | 'r';

interface Props {
  reviewCase: ReviewCase;
  /** Back to the queue; with the outcome line when the case was resolved. */
  onClose: (outcome: string | null) => void;
}

/** One case: the sheet, the record, the technician's note, live candidates, and the resolutions. */
export function CaseView({ reviewCase, onClose }: Props) {
  const { portal, collid, config, username, journal, outbox } = useStation();
  const occid = reviewCase.summary.occid;
  const record = useQuery({ queryKey: ['review-record', occid], queryFn: () => portal.readRecord(occid) });
  const note = reviewCase.escalation?.note ?? '';
  const candidates = useQuery({
    queryKey: ['review-candidates', occid],
    queryFn: () => findCandidates(portal, collid, record.data!, note, config.accession),
    enabled: !!record.data,
  });
  const [highlighted, setHighlighted] = useState(0);
  const [entry, setEntry] = useState<'accession' | 'barcode' | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (entry) field.current?.focus();
    else panel.current?.focus();
  }, [entry]);

  const caseRecord = record.data ?? null;
  const list = candidates.data ?? [];
  const candidate = list[highlighted] ?? null;
  const mergeBlocked = candidate
    ? hasBarcode(candidate.record)
      ? `record ${candidate.record.occid} already has barcode ${candidate.record.catalogNumber}`
      : candidate.record.images.length > 0
        ? `record ${candidate.record.occid} already has an image`
        : null
    : 'no candidate';

  // The stamp read off the case's sheet: proposed when the supervisor sets the accession (A).
  const sheet = useSheetReading(caseRecord);
  const stamp = sheet.reading?.stamp ?? null;
  const proposal = stamp?.kind === 'proposal' ? stamp.proposal : null;
  const imageBarcode = sheet.reading?.barcode ?? null;
  const labelHints = useLabelHints(caseRecord, true);

  /** Shows the field and focuses it before the next key arrives, so a fast typist loses no digit. */
  const openEntry = (kind: 'accession' | 'barcode') => {
    flushSync(() => {
      setEntry(kind);
      if (kind === 'accession' && proposal && value === '') setValue(proposal.value);
    });
    field.current?.focus();
    if (kind === 'accession' && proposal) field.current?.select();
  };

  const resolve = async (resolution: Resolution) => {
    if (!caseRecord || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const done = await resolveCase(
        portal,
        collid,
        caseRecord,
        resolution,
        username,
        config.escalationComments,
      );
      await keepInJournal(journal, done.journal, (text) => setProblem(text));
      onClose(`${caseRecord.catalogNumber ?? `Record ${occid}`}: ${done.line}`);
    } catch (error) {
      setBusy(false);
      setProblem(`Not resolved. ${explain(error)}`);
    }
  };

  const submitEntry = () => {
    if (entry === 'accession') {
      const read = readAccession(value, config.accession);
      if (!read.ok) return setProblem(read.message);
      void resolve({ kind: 'accession', value: read.value.value });
    } else if (entry === 'barcode') {
      const read = readBarcode(value, config.barcode);
      if (!read.ok) return setProblem(read.message);
      void resolve({ kind: 'barcode', value: read.value });
    }
  };

  /** The resolutions by key, as the case stands now. */
  const decisions: Record<DecisionKey, () => void> = {
    m: () => {
      if (candidate && mergeBlocked === null) void resolve({ kind: 'merge', into: candidate.record });
      else setProblem(`No merge: ${mergeBlocked ?? 'no candidate'}.`);
    },
    a: () => openEntry('accession'),
    b: () => {
      if (caseRecord && !hasBarcode(caseRecord)) openEntry('barcode');
      else
        setProblem(`No barcode to set: record ${occid} already has ${caseRecord?.catalogNumber ?? 'one'}.`);
    },
    u: () => void resolve({ kind: 'send-back' }),
    r: () => void resolve({ kind: 'reviewed' }),
  };
  // A key that arrives while the case is still being read is kept and applied once it is read (never
  // dropped); one that arrives while a decision is being written is answered at once.
  const [queued, setQueued] = useState<DecisionKey | null>(null);
  const readyFor = (key: DecisionKey) => (key === 'm' ? candidates.isSuccess : caseRecord !== null);
  const press = (key: DecisionKey) => {
    if (busy)
      return setProblem(
        `Still writing the last decision to the portal; ${key.toUpperCase()} was not applied.`,
      );
    if (record.isError)
      return setProblem(`The case record could not be read, so ${key.toUpperCase()} cannot be applied.`);
    if (!readyFor(key)) return setQueued(key);
    decisions[key]();
  };
  const latest = useRef({ decisions, readyFor });
  useEffect(() => {
    latest.current = { decisions, readyFor };
  });
  const recordRead = caseRecord !== null;
  useEffect(() => {
    if (queued === null || !latest.current.readyFor(queued)) return;
    // Applied once the render that brought the data has settled, with the case as it now stands.
    queueMicrotask(() => {
      setQueued(null);
      latest.current.decisions[queued]();
    });
  }, [queued, recordRead, candidates.isSuccess]);

  useStepKeys(
    {
      Escape: () => (entry ? setEntry(null) : onClose(null)),
      ArrowDown: () => list.length && setHighlighted((highlighted + 1) % list.length),
      ArrowUp: () => list.length && setHighlighted((highlighted - 1 + list.length) % list.length),
      m: () => press('m'),
      a: () => press('a'),
      b: () => press('b'),
      u: () => press('u'),
      r: () => press('r'),
    },
    { inFields: ['Escape'] },
  );

  const label = reviewCase.summary.catalogNumber ?? `record ${occid}`;
  return (
    <div className="unprocessed-layout">
      <SpecimenViewer image={caseRecord?.images[0] ?? null} label={`Sheet ${label}`} />
      <section ref={panel} tabIndex={-1} className="step-panel case" aria-labelledby="case-heading">
        <h2 id="case-heading">Case {label}</h2>
        <p>
          <strong>{reasonText(reviewCase)}</strong>
          {reviewCase.escalation
            ? ` — sent by ${reviewCase.escalation.by}, ${reviewCase.escalation.when}`
            : ' (set to Expert Required in the portal)'}
          {note ? (
            <>
              <br />
              Note: {note}
            </>
          ) : null}
        </p>
        {record.isError ? (
          <StatusLine tone="error">
            {explain(record.error)}{' '}
            <button type="button" onClick={() => void record.refetch()}>
              Read the record again
            </button>
          </StatusLine>
        ) : null}
        {record.data === null ? (
          <StatusLine tone="error">
            Record {occid} is no longer in the portal (merged or deleted): this case is closed there.
          </StatusLine>
        ) : null}
        {imageBarcode?.kind === 'mismatch' && caseRecord ? (
          <StatusLine tone="warning">
            The image shows barcode {imageBarcode.shown.join(', ')}, but this record&apos;s Catalog Number is{' '}
            {caseRecord.catalogNumber ?? 'empty'}: the image may belong to another record.
          </StatusLine>
        ) : null}
        {caseRecord ? (
          <RecordCard record={caseRecord} title="Case record" />
        ) : record.isPending ? (
          <p>Reading the record…</p>
        ) : null}
        <h3>Candidates</h3>
        {candidates.isPending && caseRecord ? <p>Searching the portal…</p> : null}
        {candidates.isError ? <StatusLine tone="error">{explain(candidates.error)}</StatusLine> : null}
        {candidates.isSuccess && list.length === 0 ? (
          <p className="hint">No other record holds its numbers or its collector, number and date.</p>
        ) : null}
        <ul className="case-candidates" aria-label="Candidates">
          {list.map((c, i) => (
            <li key={c.record.occid} aria-current={i === highlighted ? 'true' : undefined}>
              Record {c.record.occid}: {c.record.recordedBy ?? '—'} {c.record.recordNumber ?? ''},{' '}
              {c.record.eventDate ?? '—'}, <i>{c.record.sciname ?? '—'}</i> ({c.foundBy})
              {hasBarcode(c.record) ? ` · barcode ${c.record.catalogNumber}` : ''}
              {c.record.images.length ? ' · has an image' : ''}
            </li>
          ))}
        </ul>
        {candidate && labelHints ? (
          <LabelHintsTable
            record={candidate.record}
            hints={labelHints}
            dateOrder={config.labelDateOrder}
            today={new Date().toISOString().slice(0, 10)}
          />
        ) : null}
        {candidate && caseRecord ? (
          <MergePreviewTable preview={previewMerge(candidate.record, caseRecord)} />
        ) : null}
        {entry ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submitEntry();
            }}
          >
            <label>
              {entry === 'accession' ? 'Accession number for this record' : 'Barcode for this record'}
              <input
                ref={field}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoComplete="off"
                readOnly={busy}
              />
            </label>
            <button type="submit" disabled={busy}>
              Save and close the case <kbd>Enter</kbd>
            </button>
            {entry === 'accession' && proposal && value === proposal.value ? (
              <p className="stamp-proposal" role="status">
                {sheet.reading?.stampCrop ? (
                  <img src={sheet.reading.stampCrop} alt="The stamp as read from the sheet" />
                ) : null}
                Read from the stamp: <strong>{proposal.value}</strong> ({proposal.confidence} % sure).{' '}
                <kbd>Enter</kbd> accepts it; typing replaces it.
              </p>
            ) : null}
          </form>
        ) : null}
        {queued ? (
          <StatusLine tone="info">
            Still reading the case: <kbd>{queued.toUpperCase()}</kbd> is applied as soon as it is read.
          </StatusLine>
        ) : null}
        {busy ? (
          <StatusLine tone="info">
            Writing to the portal…
            <OutboxNote outbox={outbox} match={(i) => 'occid' in i.intent && i.intent.occid === occid} />
          </StatusLine>
        ) : null}
        {problem ? <StatusLine tone="error">{problem}</StatusLine> : null}
        <div className="step-actions">
          <button
            type="button"
            disabled={busy || mergeBlocked !== null}
            onClick={() => candidate && void resolve({ kind: 'merge', into: candidate.record })}
          >
            Merge into record {candidate?.record.occid ?? '—'} <kbd>M</kbd>
          </button>
          <button type="button" disabled={busy} onClick={() => setEntry('accession')}>
            Set the accession <kbd>A</kbd>
          </button>
          <button
            type="button"
            disabled={busy || !caseRecord || hasBarcode(caseRecord)}
            onClick={() => setEntry('barcode')}
          >
            Set the barcode <kbd>B</kbd>
          </button>
          <button type="button" disabled={busy} onClick={() => void resolve({ kind: 'send-back' })}>
            Back to the technicians <kbd>U</kbd>
          </button>
          <button type="button" disabled={busy} onClick={() => void resolve({ kind: 'reviewed' })}>
            Mark reviewed <kbd>R</kbd>
          </button>
          <button type="button" onClick={() => onClose(null)}>
            Back to the queue <kbd>Esc</kbd>
          </button>
        </div>
        {mergeBlocked && candidate ? (
          <p className="hint">No merge: {mergeBlocked} (the portal would drop or hide data).</p>
        ) : null}
      </section>
    </div>
  );
}
