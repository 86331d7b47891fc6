import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { REVIEWED, UNPROCESSED } from '../../domain/processing-status';
import type { StepDraft, TaskDraft } from '../../domain/task';

export type Resolution =
  | { kind: 'merge'; into: SpecimenRecord }
  | { kind: 'accession'; value: string }
  | { kind: 'barcode'; value: string }
  | { kind: 'send-back' }
  | { kind: 'reviewed' };

export const RESOLVED_PREFIX = '[Specimen Linker] Resolved';

/** What the closing comment says was done (a value written into the portal, in the collection's words). */
function describe(resolution: Resolution, caseRecord: SpecimenRecord): string {
  switch (resolution.kind) {
    case 'merge':
      return `merged ${caseRecord.catalogNumber ?? `record ${caseRecord.occid}`} into record ${resolution.into.occid}`;
    case 'accession':
      return `accession ${resolution.value} set, status ${REVIEWED}`;
    case 'barcode':
      return `barcode ${resolution.value} set, status ${REVIEWED}`;
    case 'send-back':
      return `sent back to the technicians' queue (status ${UNPROCESSED})`;
    case 'reviewed':
      return `marked ${REVIEWED}`;
  }
}

/**
 * One resolution as a task: one guarded write (for a merge, the merge and the candidate's status put back
 * where the merge changed it, rec. 10a), then a closing comment when comments are on, so the hand-off reads
 * as finished in the portal too. The case leaves the queue because its status changes.
 */
export function resolutionTask(
  collid: number,
  caseRecord: SpecimenRecord,
  resolution: Resolution,
  user: string,
  postComment: boolean,
): TaskDraft {
  const occid = caseRecord.occid;
  const steps: StepDraft[] = [];
  let commentOn = occid;
  switch (resolution.kind) {
    case 'merge': {
      const target = resolution.into;
      steps.push(
        { intent: { kind: 'merge', collid, source: occid, target: target.occid } },
        {
          intent: { kind: 'status', collid, occid: target.occid, status: target.processingStatus ?? '' },
          onlyIfNeeded: true,
        },
      );
      commentOn = target.occid;
      break;
    }
    case 'accession':
      steps.push({
        intent: { kind: 'accession', collid, occid, accession: resolution.value, status: REVIEWED },
      });
      break;
    case 'barcode':
      if (hasBarcode(caseRecord))
        throw new Error(`Record ${occid} already has barcode ${caseRecord.catalogNumber}.`);
      steps.push({ intent: { kind: 'barcode', collid, occid, barcode: resolution.value, status: REVIEWED } });
      break;
    case 'send-back':
      steps.push({ intent: { kind: 'status', collid, occid, status: UNPROCESSED } });
      break;
    case 'reviewed':
      steps.push({ intent: { kind: 'status', collid, occid, status: REVIEWED } });
      break;
  }
  if (postComment)
    steps.push({
      intent: {
        kind: 'comment',
        occid: commentOn,
        text: `${RESOLVED_PREFIX} — ${describe(resolution, caseRecord)} — by ${user}`,
      },
      followUp: true,
    });
  return {
    screen: 'review',
    collid,
    decision: {
      kind: 'resolution',
      occid,
      barcode: caseRecord.catalogNumber,
      resolution: resolution.kind,
      value: resolution.kind === 'accession' || resolution.kind === 'barcode' ? resolution.value : null,
      into: resolution.kind === 'merge' ? resolution.into.occid : null,
    },
    steps,
    ...(resolution.kind === 'merge'
      ? { mergedRecords: { legacy: resolution.into, skeletal: caseRecord } }
      : {}),
  };
}
