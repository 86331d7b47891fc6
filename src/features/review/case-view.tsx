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
import { RecordCard } from '../../ui/record-card';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { useStepKeys } from '../../ui/use-step-keys';
import { findCandidates, reasonText, type ReviewCase } from './review-cases';
import { resolveCase, type Resolution } from './resolutions';

interface Props {
  reviewCase: ReviewCase;
  /** Back to the queue; with the outcome line when the case was resolved. */
  onClose: (outcome: string | null) => void;
}

/** One case: the sheet, the record, the technician's note, live candidates, and the resolutions. */
export function CaseView({ reviewCase, onClose }: Props) {
  const { portal, collid, config, username, journal } = useStation();
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

  /** Shows the field and focuses it before the next key arrives, so a fast typist loses no digit. */
  const openEntry = (kind: 'accession' | 'barcode') => {
    flushSync(() => setEntry(kind));
    field.current?.focus();
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

  useStepKeys(
    {
      Escape: () => (entry ? setEntry(null) : onClose(null)),
      ArrowDown: () => list.length && setHighlighted((highlighted + 1) % list.length),
      ArrowUp: () => list.length && setHighlighted((highlighted - 1 + list.length) % list.length),
      m: () => candidate && mergeBlocked === null && void resolve({ kind: 'merge', into: candidate.record }),
      a: () => openEntry('accession'),
      b: () => caseRecord && !hasBarcode(caseRecord) && openEntry('barcode'),
      u: () => void resolve({ kind: 'send-back' }),
      r: () => void resolve({ kind: 'reviewed' }),
    },
    { active: !busy, inFields: ['Escape'] },
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
        {record.isError ? <StatusLine tone="error">{explain(record.error)}</StatusLine> : null}
        {caseRecord ? <RecordCard record={caseRecord} title="Case record" /> : <p>Reading the record…</p>}
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
          </form>
        ) : null}
        {busy ? <StatusLine tone="info">Writing to the portal…</StatusLine> : null}
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
