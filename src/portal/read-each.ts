import type { RecordSummary, SpecimenRecord } from '../domain/occurrence';
import type { Said } from '../domain/said';
import { isRecordProblem } from './errors';
import type { PortalReads } from './portal';

export interface RowRead {
  row: RecordSummary;
  /** Null when the record is gone, or could not be read (`unreadable` says why). */
  record: SpecimenRecord | null;
  unreadable: Said | null;
}

/**
 * Reads the record of each search row. One the station cannot read (another editor holds it, the portal
 * shows it in a way the station cannot read) is kept with the reason and does not stop the others; a
 * problem with the portal or the session still stops the whole list.
 */
export async function readEach(portal: PortalReads, rows: RecordSummary[]): Promise<RowRead[]> {
  return Promise.all(
    rows.map(async (row): Promise<RowRead> => {
      if (row.unreadable) return { row, record: null, unreadable: row.unreadable };
      try {
        return { row, record: await portal.readRecord(row.occid), unreadable: null };
      } catch (error) {
        if (!isRecordProblem(error)) throw error;
        return { row, record: null, unreadable: error.said };
      }
    }),
  );
}
