import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { REVIEWED, sameStatus, UNPROCESSED } from '../../domain/processing-status';
import type { NewJournalEntry } from '../../journal/station-journal';
import { postFollowUpComment } from '../../portal/follow-up-comment';
import type { PortalClient } from '../../portal/portal';

export type Resolution =
  | { kind: 'merge'; into: SpecimenRecord }
  | { kind: 'accession'; value: string }
  | { kind: 'barcode'; value: string }
  | { kind: 'send-back' }
  | { kind: 'reviewed' };

export const RESOLVED_PREFIX = '[Specimen Linker] Resolved';

export interface Resolved {
  /** The record that now carries the specimen (the candidate after a merge). */
  record: SpecimenRecord;
  line: string;
  journal: NewJournalEntry;
}

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
 * One resolution: one guarded write through the adapter, then a closing comment (when comments are on)
 * so the hand-off reads as finished in the portal too. The case leaves the queue because its status changes.
 */
export async function resolveCase(
  portal: PortalClient,
  collid: number,
  caseRecord: SpecimenRecord,
  resolution: Resolution,
  user: string,
  postComment: boolean,
  now: () => Date = () => new Date(),
): Promise<Resolved> {
  let record: SpecimenRecord;
  let before: Record<string, string | null> = { processingstatus: caseRecord.processingStatus };
  let after: Record<string, string | null>;
  switch (resolution.kind) {
    case 'merge': {
      const target = resolution.into;
      const { merged } = await portal.mergeSkeletalIntoLegacy(collid, caseRecord.occid, target.occid);
      // The merge fills an empty status with the case's "expert required" (rec. 10a): put the legacy one back.
      record = sameStatus(merged.processingStatus, target.processingStatus)
        ? merged
        : await portal.setProcessingStatus(collid, target.occid, target.processingStatus ?? '');
      before = { catalognumber: target.catalogNumber, processingstatus: target.processingStatus };
      after = { catalognumber: record.catalogNumber, processingstatus: record.processingStatus };
      break;
    }
    case 'accession':
      record = await portal.addAccession(collid, caseRecord.occid, resolution.value, REVIEWED);
      before = { othercatalognumbers: null, processingstatus: caseRecord.processingStatus };
      after = { othercatalognumbers: resolution.value, processingstatus: REVIEWED };
      break;
    case 'barcode':
      if (hasBarcode(caseRecord))
        throw new Error(`Record ${caseRecord.occid} already has barcode ${caseRecord.catalogNumber}.`);
      record = await portal.setCatalogNumber(collid, caseRecord.occid, resolution.value, REVIEWED);
      before = { catalognumber: null, processingstatus: caseRecord.processingStatus };
      after = { catalognumber: resolution.value, processingstatus: REVIEWED };
      break;
    case 'send-back':
      record = await portal.setProcessingStatus(collid, caseRecord.occid, UNPROCESSED);
      after = { processingstatus: UNPROCESSED };
      break;
    case 'reviewed':
      record = await portal.setProcessingStatus(collid, caseRecord.occid, REVIEWED);
      after = { processingstatus: REVIEWED };
      break;
  }
  const what = describe(resolution, caseRecord);
  let line = `Resolved: ${what}.`;
  if (postComment) {
    const problem = await postFollowUpComment(
      portal,
      record.occid,
      `${RESOLVED_PREFIX} — ${what} — by ${user}`,
    );
    if (problem) line += ` ${problem}`;
  }
  return {
    record,
    line,
    journal: {
      at: now().toISOString(),
      user,
      collid,
      action: resolution.kind === 'merge' ? 'merge' : 'resolution',
      occid: record.occid,
      barcode: record.catalogNumber,
      before,
      after,
      outcome: 'done',
      message: line,
      ...(resolution.kind === 'merge'
        ? { mergedRecords: { legacy: resolution.into, skeletal: caseRecord } }
        : {}),
    },
  };
}
