import { useRef } from 'react';
import { previewMerge } from '../../domain/merge-preview';
import { hasBarcode } from '../../domain/occurrence';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { explain } from '../../portal/errors';
import { ActionButton, useActionKeys } from '../../ui/actions';
import { LabelHintsTable } from '../../ui/label-hints';
import { MergePreviewTable } from '../../ui/merge-preview-table';
import { TaskWaitNote } from '../../ui/outbox-status';
import { RecordCard } from '../../ui/record-card';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { NoticeLine, StatusLine } from '../../ui/status-line';
import { postedWhen, reasonOf, type ReviewCase } from './review-cases';
import { useCase, type CaseOutcome } from './use-case';

interface Props {
  reviewCase: ReviewCase;
  /** Back to the queue; with the outcome line when the case was resolved. */
  onClose: (outcome: CaseOutcome | null) => void;
}

/** One case: the sheet, the record, the technician's note, live candidates, and the resolutions. */
export function CaseView({ reviewCase, onClose }: Props) {
  const say = useSay();
  const sayRich = useSayRich();
  const { config, outbox } = useStation();
  const field = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const c = useCase(reviewCase, onClose, field, panel);
  useActionKeys([...c.actions, ...c.listKeys]);
  const { caseRecord, candidate, proposal } = c;
  const name = { barcode: reviewCase.summary.catalogNumber, occid: c.occid };
  const today = new Date().toISOString().slice(0, 10);
  const escalation = reviewCase.escalation;
  return (
    <div className="unprocessed-layout">
      <SpecimenViewer image={caseRecord?.images[0] ?? null} label={say('review.case.sheet', name)} />
      <section ref={panel} tabIndex={-1} className="step-panel case" aria-labelledby="case-heading">
        <h2 id="case-heading">{say('review.case.heading', name)}</h2>
        <p>
          {escalation
            ? sayRich('review.case.sent-by', {
                reason: say(reasonOf(reviewCase)),
                by: escalation.by,
                when: postedWhen(escalation.when),
              })
            : sayRich('review.case.set-by-hand', { reason: say(reasonOf(reviewCase)) })}
          {escalation?.note ? (
            <>
              <br />
              {say('review.case.note', { note: escalation.note })}
            </>
          ) : null}
        </p>
        {c.record.isError ? (
          <StatusLine tone="error">
            {explain(c.record.error)}{' '}
            <button type="button" onClick={() => void c.record.refetch()}>
              {say('review.case.read-again')}
            </button>
          </StatusLine>
        ) : null}
        {c.record.data === null ? (
          <StatusLine tone="error">{say('review.case.record-gone', { occid: c.occid })}</StatusLine>
        ) : null}
        {c.imageBarcode?.kind === 'mismatch' && caseRecord ? (
          <StatusLine tone="warning">
            {say('review.case.image-barcode', {
              shown: c.imageBarcode.shown.join(', '),
              catalogNumber: caseRecord.catalogNumber ?? null,
            })}
          </StatusLine>
        ) : null}
        {caseRecord ? (
          <RecordCard record={caseRecord} title={say('review.case.record')} />
        ) : c.record.isPending ? (
          <p>{say('review.case.reading')}</p>
        ) : null}
        <h3>{say('review.case.candidates')}</h3>
        {c.candidates.isPending && caseRecord ? <p>{say('review.case.searching')}</p> : null}
        {c.candidates.isError ? <StatusLine tone="error">{explain(c.candidates.error)}</StatusLine> : null}
        {c.candidates.isSuccess && c.list.length === 0 ? (
          <p className="hint">{say('review.case.no-candidates')}</p>
        ) : null}
        <ul className="case-candidates" aria-label={say('review.case.candidates')}>
          {c.list.map((cand, i) => (
            <li key={cand.record.occid} aria-current={i === c.highlighted ? 'true' : undefined}>
              {sayRich('review.case.candidate', {
                occid: cand.record.occid,
                collector: cand.record.recordedBy ?? '—',
                number: cand.record.recordNumber ?? '',
                date: cand.record.eventDate ?? '—',
                taxon: cand.record.sciname ?? '—',
                foundBy: say(cand.foundBy),
                barcode: hasBarcode(cand.record) ? cand.record.catalogNumber : null,
                image: cand.record.images.length > 0,
              })}
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
              {say(c.entry === 'accession' ? 'review.case.entry.accession' : 'review.case.entry.barcode')}
              <input
                ref={field}
                value={c.value}
                onChange={(e) => c.setValue(e.target.value)}
                autoComplete="off"
                readOnly={c.busy !== null}
              />
            </label>
            <button type="submit" disabled={c.busy !== null}>
              {sayRich('review.case.save')}
            </button>
            {c.entry === 'accession' && proposal && c.value === proposal.value ? (
              <p className="stamp-proposal" role="status">
                {c.sheet.reading?.stampCrop ? (
                  <img src={c.sheet.reading.stampCrop} alt={say('review.case.stamp-image')} />
                ) : null}
                {sayRich('review.case.stamp-proposal', {
                  value: proposal.value,
                  confidence: proposal.confidence,
                })}
              </p>
            ) : null}
          </form>
        ) : null}
        {c.queued ? (
          <StatusLine tone="info">{sayRich('review.case.queued', { key: c.queued.toUpperCase() })}</StatusLine>
        ) : null}
        {c.busy ? (
          <StatusLine tone="info">
            {say('review.case.writing')}
            <TaskWaitNote outbox={outbox} taskId={c.busy} />
          </StatusLine>
        ) : null}
        {c.problem ? <NoticeLine notice={{ tone: 'error', words: c.problem }} /> : null}
        <div className="step-actions">
          {c.actions.map((a) => (
            <ActionButton key={a.key} action={a} />
          ))}
        </div>
        {c.mergeBlocked && candidate ? (
          <p className="hint">{say('review.no-merge-hint', c.mergeBlocked)}</p>
        ) : null}
      </section>
    </div>
  );
}
