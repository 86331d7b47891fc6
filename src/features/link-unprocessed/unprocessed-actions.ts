import { escalationComment, type Escalation } from '../../domain/escalation';
import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import type { TaskDraft } from '../../domain/task';
import type { Duplicate } from './find-duplicates';

export const candidatesOf = (duplicates: Duplicate[]) =>
  duplicates.map((d) => ({
    occid: d.record.occid,
    accession: d.otherCatalogNumbers ?? d.record.identifiers[0]?.value ?? null,
    catalogNumber: hasBarcode(d.record) ? d.record.catalogNumber : null,
  }));

/** The stamped number onto the image record, with the station's linked status in the same save (rec. 09c). */
export function accessionTask(
  collid: number,
  skeletal: SpecimenRecord,
  accession: string,
  linkedStatus: string | null,
): TaskDraft {
  const occid = skeletal.occid;
  return {
    screen: 'unprocessed',
    collid,
    decision: { kind: 'accession', occid, barcode: skeletal.catalogNumber, accession },
    steps: [{ intent: { kind: 'accession', collid, occid, accession, status: linkedStatus } }],
  };
}

/**
 * Expert Required in one write: the accession typed (when there is one) and the status in the same save
 * (rec. 09c), then, when the collection allows it, the comment giving the reason (rec. 12b). A comment that
 * does not get through is a problem of the task; the escalation itself stands.
 */
export function escalationTask(
  collid: number,
  skeletal: SpecimenRecord,
  accession: string | null,
  escalation: Escalation,
  postComment: boolean,
): TaskDraft {
  const occid = skeletal.occid;
  return {
    screen: 'unprocessed',
    collid,
    decision: {
      kind: 'escalation',
      occid,
      barcode: skeletal.catalogNumber,
      reason: escalation.reason,
      accession,
    },
    steps: [
      {
        intent:
          accession !== null
            ? { kind: 'accession', collid, occid, accession, status: EXPERT_REQUIRED }
            : { kind: 'status', collid, occid, status: EXPERT_REQUIRED },
      },
      ...(postComment
        ? [
            {
              intent: { kind: 'comment' as const, occid, text: escalationComment(escalation) },
              followUp: true,
            },
          ]
        : []),
    ],
  };
}

/**
 * The guarded merge, then the legacy record's processing status put back where the merge changed it: the
 * portal's merge fills the legacy record's empty status with the image record's `unprocessed` (rec. 10a).
 * The put-back is a normal, logged save; the merge itself leaves no edit log (PROTOCOL §9.5), so the task
 * keeps both records as they were for the journal.
 */
export function mergeTask(
  collid: number,
  skeletal: SpecimenRecord,
  legacy: SpecimenRecord,
  accession: string,
  linkedStatus: string | null,
): TaskDraft {
  return {
    screen: 'unprocessed',
    collid,
    decision: {
      kind: 'merge',
      source: skeletal.occid,
      target: legacy.occid,
      barcode: skeletal.catalogNumber,
      accession,
    },
    steps: [
      { intent: { kind: 'merge', collid, source: skeletal.occid, target: legacy.occid } },
      {
        intent: {
          kind: 'status',
          collid,
          occid: legacy.occid,
          status: linkedStatus ?? legacy.processingStatus ?? '',
        },
        onlyIfNeeded: true,
      },
    ],
    mergedRecords: { legacy, skeletal },
  };
}
