import { useRef } from 'react';
import { previewMerge } from '../../domain/merge-preview';
import { hasBarcode } from '../../domain/occurrence';
import { explain } from '../../portal/errors';
import { ActionButton, useActionKeys } from '../../ui/actions';
import { LabelHintsTable } from '../../ui/label-hints';
import { MergePreviewTable } from '../../ui/merge-preview-table';
import { TaskWaitNote } from '../../ui/outbox-status';
import { RecordCard } from '../../ui/record-card';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { reasonText, type ReviewCase } from './review-cases';
import { useCase } from './use-case';

interface Props {
  reviewCase: ReviewCase;
  /** Back to the queue; with the outcome line when the case was resolved. */
  onClose: (outcome: string | null) => void;
}

/** One case: the sheet, the record, the technician's note, live candidates, and the resolutions. */
export function CaseView({ reviewCase, onClose }: Props) {
  const { config, outbox } = useStation();
  const field = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const c = useCase(reviewCase, onClose, field, panel);
  useActionKeys([...c.actions, ...c.listKeys]);
  const { caseRecord, candidate, proposal } = c;
  const label = reviewCase.summary.catalogNumber ?? `record ${c.occid}`;
  const today = new Date().toISOString().slice(0, 10);
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
          {reviewCase.escalation?.note ? (
            <>
              <br />
              Note: {reviewCase.escalation.note}
            </>
          ) : null}
        </p>
        {c.record.isError ? (
          <StatusLine tone="error">
            {explain(c.record.error)}{' '}
            <button type="button" onClick={() => void c.record.refetch()}>
              Read the record again
            </button>
          </StatusLine>
        ) : null}
        {c.record.data === null ? (
          <StatusLine tone="error">
            Record {c.occid} is no longer in the portal (merged or deleted): this case is closed there.
          </StatusLine>
        ) : null}
        {c.imageBarcode?.kind === 'mismatch' && caseRecord ? (
          <StatusLine tone="warning">
            The image shows barcode {c.imageBarcode.shown.join(', ')}, but this record&apos;s Catalog Number
            is {caseRecord.catalogNumber ?? 'empty'}: the image may belong to another record.
          </StatusLine>
        ) : null}
        {caseRecord ? (
          <RecordCard record={caseRecord} title="Case record" />
        ) : c.record.isPending ? (
          <p>Reading the record…</p>
        ) : null}
        <h3>Candidates</h3>
        {c.candidates.isPending && caseRecord ? <p>Searching the portal…</p> : null}
        {c.candidates.isError ? <StatusLine tone="error">{explain(c.candidates.error)}</StatusLine> : null}
        {c.candidates.isSuccess && c.list.length === 0 ? (
          <p className="hint">No other record holds its numbers or its collector, number and date.</p>
        ) : null}
        <ul className="case-candidates" aria-label="Candidates">
          {c.list.map((cand, i) => (
            <li key={cand.record.occid} aria-current={i === c.highlighted ? 'true' : undefined}>
              Record {cand.record.occid}: {cand.record.recordedBy ?? '—'} {cand.record.recordNumber ?? ''},{' '}
              {cand.record.eventDate ?? '—'}, <i>{cand.record.sciname ?? '—'}</i> ({cand.foundBy})
              {hasBarcode(cand.record) ? ` · barcode ${cand.record.catalogNumber}` : ''}
              {cand.record.images.length ? ' · has an image' : ''}
            </li>
          ))}
        </ul>
        {candidate && c.labelHints ? (
          <LabelHintsTable
            record={candidate.record}
            hints={c.labelHints}
            dateOrder={config.labelDateOrder}
            today={today}
          />
        ) : null}
        {candidate && caseRecord ? (
          <MergePreviewTable preview={previewMerge(candidate.record, caseRecord)} />
        ) : null}
        {c.entry ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              c.submitEntry();
            }}
          >
            <label>
              {c.entry === 'accession' ? 'Accession number for this record' : 'Barcode for this record'}
              <input
                ref={field}
                value={c.value}
                onChange={(e) => c.setValue(e.target.value)}
                autoComplete="off"
                readOnly={c.busy !== null}
              />
            </label>
            <button type="submit" disabled={c.busy !== null}>
              Save and close the case <kbd>Enter</kbd>
            </button>
            {c.entry === 'accession' && proposal && c.value === proposal.value ? (
              <p className="stamp-proposal" role="status">
                {c.sheet.reading?.stampCrop ? (
                  <img src={c.sheet.reading.stampCrop} alt="The stamp as read from the sheet" />
                ) : null}
                Read from the stamp: <strong>{proposal.value}</strong> ({proposal.confidence} % sure).{' '}
                <kbd>Enter</kbd> accepts it; typing replaces it.
              </p>
            ) : null}
          </form>
        ) : null}
        {c.queued ? (
          <StatusLine tone="info">
            Still reading the case: <kbd>{c.queued.toUpperCase()}</kbd> is applied as soon as it is read.
          </StatusLine>
        ) : null}
        {c.busy ? (
          <StatusLine tone="info">
            Writing to the portal…
            <TaskWaitNote outbox={outbox} taskId={c.busy} />
          </StatusLine>
        ) : null}
        {c.problem ? <StatusLine tone="error">{c.problem}</StatusLine> : null}
        <div className="step-actions">
          {c.actions.map((a) => (
            <ActionButton key={a.key} action={a} />
          ))}
        </div>
        {c.mergeBlocked && candidate ? (
          <p className="hint">No merge: {c.mergeBlocked} (the portal would drop or hide data).</p>
        ) : null}
      </section>
    </div>
  );
}
