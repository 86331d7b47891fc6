import { useEffect } from 'react';
import { type EscalationReason } from '../../domain/escalation';
import { hasBarcode } from '../../domain/occurrence';
import { useSay } from '../../i18n/use-say';
import { useTell } from '../../i18n/told';
import { SessionList } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { CandidateList } from './candidate-list';
import { ConfirmStep } from './confirm-step';
import { EscalateForm } from './escalate-form';
import { FindForm } from './find-form';
import type { Candidate } from './find-record';
import type { ImagingStore } from './imaging-store';
import { specimenLabel, typedWords } from './link-actions';
import { ScanStep } from './scan-step';
import { useImaging, useImagingActions } from './use-imaging';

/** Option 1: find the record by the stamp (or collector, number, date), check it, scan the barcode. */
export function LinkWhileImaging({ store }: { store: ImagingStore }) {
  const { config } = useStation();
  const step = useImaging(store, (s) => s.step);
  const notice = useImaging(store, (s) => s.notice);
  const events = store.getState();
  const actions = useImagingActions(store);
  const say = useSay();
  const tell = useTell();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'n' || event.key === 'N')) {
        event.preventDefault();
        store.getState().modeToggled();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const openEscalation = (reason: EscalationReason | null, candidates: Candidate[]) =>
    events.escalationOpened(reason, candidates);

  return (
    <div className="screen imaging">
      <h1 className="screen-title">{say('imaging.title')}</h1>
      <FindForm store={store} current={step.kind === 'find'} onSearch={() => void actions.search()} />
      {notice ? <StatusLine tone={notice.tone}>{tell(notice.words)}</StatusLine> : null}

      {step.kind === 'results' ? (
        <CandidateList
          search={step.search}
          highlighted={step.highlighted}
          onHighlight={events.candidateHighlighted}
          onChoose={(i) => {
            const candidate = step.search.candidates[i];
            if (candidate) events.candidateChosen(candidate);
          }}
          onBack={events.wentBack}
          onEscalate={() =>
            openEscalation(
              step.search.candidates.length === 0 ? 'no-record' : 'several-candidates',
              step.search.candidates,
            )
          }
        />
      ) : null}

      {step.kind === 'confirm' ? (
        <ConfirmStep
          search={step.search}
          candidate={step.candidate}
          onMatches={events.confirmed}
          onBack={events.wentBack}
          onEscalate={() =>
            openEscalation(hasBarcode(step.candidate.record) ? 'already-barcoded' : null, [step.candidate])
          }
        />
      ) : null}

      {step.kind === 'scan' ? (
        <ScanStep
          candidate={step.candidate}
          label={say(specimenLabel(step.candidate.record, step.search))}
          onScan={(raw) => actions.scan(step.candidate, raw)}
          onBack={events.wentBack}
          onEscalate={() => openEscalation(null, [step.candidate])}
        />
      ) : null}

      {step.kind === 'escalate' ? (
        <EscalateForm
          key={`${step.reason}-${step.candidates.map((c) => c.record.occid).join('-')}`}
          initialReason={step.reason}
          candidates={step.candidates}
          context={typedWords(step.search)}
          commentsOn={config.escalationComments}
          onSubmit={(input) => actions.escalate(step.search, step.candidates, input)}
          onBack={events.wentBack}
        />
      ) : null}

      <SessionList rows={actions.rows} onReopen={actions.reopen} />
    </div>
  );
}
