import { useEffect } from 'react';
import { type EscalationReason } from '../../domain/escalation';
import { hasBarcode } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import { keepInJournal } from '../../journal/station-journal';
import { explain, isPortalError } from '../../portal/errors';
import { useStation } from '../../ui/station';
import { useOutboxView } from '../../ui/outbox-status';
import { SessionList, type WorkEntry } from '../../ui/session-list';
import { recoveredLinks } from './recovered-links';
import { StatusLine } from '../../ui/status-line';
import { useUnsavedGuard } from '../../ui/use-unsaved-guard';
import { CandidateList } from './candidate-list';
import { ConfirmStep } from './confirm-step';
import { EscalateForm, type EscalationInput } from './escalate-form';
import { FindForm } from './find-form';
import type { Candidate, SearchOutcome } from './find-record';
import type { ImagingStore } from './imaging-store';
import {
  escalate,
  readScan,
  escalationCandidates,
  reasonLabel,
  searchContext,
  specimenLabel,
} from './link-actions';
import { ScanStep } from './scan-step';
import { useImaging, useImagingActions } from './use-imaging';

/** Option 1: find the record by the stamp (or collector, number, date), check it, scan the barcode. */
export function LinkWhileImaging({ store }: { store: ImagingStore }) {
  const station = useStation();
  const { portal, collid, config, username, journal, outbox } = station;
  const outboxView = useOutboxView(outbox);
  const step = useImaging(store, (s) => s.step);
  const notice = useImaging(store, (s) => s.notice);
  const links = useImaging(store, (s) => s.links);
  const events = store.getState();
  const actions = useImagingActions(store);
  useUnsavedGuard(links.some((l) => l.state === 'saving'));

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

  const openEscalation = (reason: EscalationReason, candidates: Candidate[]) =>
    events.escalationOpened(reason, candidates);

  // Only the station's own checks run before the Find field is ready again; the portal's barcode check and
  // the save follow in the background (docs/decisions/006).
  const onScan = (candidate: Candidate, raw: string): string | null => {
    const checked = readScan(raw, config.barcode, store.getState().links);
    if (!checked.ok) return checked.message;
    actions.link(candidate, checked.value);
    return null;
  };

  const onEscalate = async (
    search: SearchOutcome,
    candidates: Candidate[],
    input: EscalationInput,
  ): Promise<string | null> => {
    const checked = readScan(input.barcode, config.barcode, store.getState().links);
    if (!checked.ok) return checked.message;
    const barcode = checked.value;
    const context = searchContext(search);
    let done: Awaited<ReturnType<typeof escalate>>;
    try {
      // Whether another record holds the barcode is the guarded create's own check (rec. 13, §8.1).
      done = await escalate(
        portal,
        collid,
        username,
        {
          barcode,
          context,
          escalation: {
            reason: input.reason,
            note: input.note,
            candidates: escalationCandidates(candidates),
          },
        },
        config.escalationComments,
      );
    } catch (error) {
      if (isPortalError(error) && error.kind === 'barcode-in-use')
        return `Nothing was escalated. ${error.message} Check the label; if it is right, tell a supervisor.`;
      return `Nothing was escalated. ${explain(error)}`;
    }
    const id = events.linkStarted(
      {
        barcode,
        occid: done.occid,
        label: `${reasonLabel(input.reason)} (${context})`,
        state: 'escalated',
        candidate: null,
        search,
      },
      '',
    );
    events.linkSettled(
      id,
      'escalated',
      `${barcode} escalated to a supervisor: record ${done.occid} created with status "${EXPERT_REQUIRED}"${done.commentPosted ? ' and a comment giving the reason' : ''}.${done.commentProblem ? ` ${done.commentProblem}` : ''}`,
    );
    if (done.commentProblem) events.noticeShown('warning', done.commentProblem);
    void keepInJournal(
      journal,
      {
        at: new Date().toISOString(),
        user: username,
        collid,
        action: 'escalation',
        occid: done.occid,
        barcode,
        before: {},
        after: { catalognumber: barcode, processingstatus: EXPERT_REQUIRED },
        outcome: 'done',
        message: `${reasonLabel(input.reason)}; ${context}${input.note.trim() ? `; ${input.note.trim()}` : ''}${done.commentProblem ? ` (${done.commentProblem})` : ''}`,
      },
      (text) => events.noticeShown('warning', text),
    );
    return null;
  };

  return (
    <div className="screen imaging">
      <h1 className="screen-title">Link while imaging</h1>
      <FindForm store={store} current={step.kind === 'find'} onSearch={() => void actions.search()} />
      {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}

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
            openEscalation(hasBarcode(step.candidate.record) ? 'already-barcoded' : 'data-mismatch', [
              step.candidate,
            ])
          }
        />
      ) : null}

      {step.kind === 'scan' ? (
        <ScanStep
          candidate={step.candidate}
          label={specimenLabel(step.candidate.record, step.search)}
          onScan={(raw) => onScan(step.candidate, raw)}
          onBack={events.wentBack}
          onEscalate={() => openEscalation('other', [step.candidate])}
        />
      ) : null}

      {step.kind === 'escalate' ? (
        <EscalateForm
          key={`${step.reason}-${step.candidates.map((c) => c.record.occid).join('-')}`}
          initialReason={step.reason}
          candidates={step.candidates}
          context={searchContext(step.search)}
          commentsOn={config.escalationComments}
          onSubmit={(input) => onEscalate(step.search, step.candidates, input)}
          onBack={events.wentBack}
        />
      ) : null}

      <SessionList
        links={[
          ...links.map((l): WorkEntry => ({ ...l, reopenable: l.candidate !== null })),
          ...recoveredLinks(outboxView, username, links),
        ]}
        onRetry={actions.retry}
        onReopen={events.linkReopened}
      />
    </div>
  );
}
