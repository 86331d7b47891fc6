import { useCallback, useState } from 'react';
import type { RecordSummary } from '../../domain/occurrence';
import { said, type Said } from '../../domain/said';
import type { Region, StampProfile } from '../../domain/stamp-profile';
import { learnProfile, type ProfileSample } from '../../domain/stamp-profile-learning';
import { explain } from '../../portal/errors';
import { stampProfileSaved } from '../../ui/stamp-profile-store';
import { useStation } from '../../ui/station';

/** Sheets a supervisor boxes before the station learns: enough to see the ink and where the stamp goes. */
export const SHEETS_TO_BOX = 3;

export interface CalibrationSheet {
  /** "Sheet DEMO0001231" (or of which record, without a barcode). */
  label: Said;
  /** What the browser shows, and what the reader reads (the full-size image). */
  shownUrl: string;
  readUrl: string;
}

export type Calibration =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | {
      kind: 'boxing';
      sheet: CalibrationSheet;
      box: Region | null;
      samples: ProfileSample[];
      /** The sheet's place in the queue, from 0. */
      at: number;
      checking: boolean;
      note: Said | null;
    }
  | { kind: 'learned'; profile: StampProfile; samples: ProfileSample[] }
  | { kind: 'failed'; message: Said };

/**
 * Calibration, once per collection: the supervisor boxes the stamp on a few sheets of Option 2's queue, the
 * station reads what each box shows (ink, digits' height, where it sits) and learns a stamp profile, which
 * is saved with the station's settings only when the supervisor says so.
 */
export function useCalibration() {
  const { portal, collid, sheetReader } = useStation();
  const [state, setState] = useState<Calibration>({ kind: 'idle' });
  const [queue, setQueue] = useState<RecordSummary[]>([]);

  const showSheet = useCallback(
    async (records: RecordSummary[], at: number, samples: ProfileSample[]) => {
      for (let i = at; i < records.length; i++) {
        const record = await portal.readRecord(records[i]!.occid);
        const image = record?.images[0];
        if (!record || !image) continue;
        setState({
          kind: 'boxing',
          sheet: {
            label: said('stamp-profile.sheet', { barcode: record.catalogNumber, occid: record.occid }),
            shownUrl: image.webUrl ?? image.originalUrl!,
            readUrl: image.originalUrl ?? image.webUrl!,
          },
          box: null,
          samples,
          at: i,
          checking: false,
          note: null,
        });
        return;
      }
      setState(
        samples.length > 0
          ? { kind: 'learned', profile: learnProfile(samples, collid, new Date()), samples }
          : { kind: 'failed', message: said('stamp-profile.calibrate.no-sheets') },
      );
    },
    [portal, collid],
  );

  const started = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const page = await portal.listUnprocessedWithoutAccession(collid, { offset: 0, limit: 25 });
      setQueue(page.records);
      await showSheet(page.records, 0, []);
    } catch (error) {
      setState({
        kind: 'failed',
        message: said('stamp-profile.calibrate.queue-failed', { text: explain(error) }),
      });
    }
  }, [portal, collid, showSheet]);

  const boxDrawn = useCallback(
    (box: Region) => setState((s) => (s.kind === 'boxing' ? { ...s, box, note: null } : s)),
    [],
  );

  const sheetSkipped = useCallback(() => {
    if (state.kind === 'boxing') void showSheet(queue, state.at + 1, state.samples);
  }, [state, queue, showSheet]);

  const boxAccepted = useCallback(async () => {
    if (state.kind !== 'boxing' || !state.box || state.checking || !sheetReader) return;
    setState({ ...state, checking: true });
    try {
      const sample = await sheetReader.sampleStamp(state.sheet.readUrl, state.box);
      if (!sample) {
        setState({ ...state, checking: false, note: said('stamp-profile.calibrate.no-line') });
        return;
      }
      const samples = [...state.samples, sample];
      if (samples.length >= SHEETS_TO_BOX)
        setState({ kind: 'learned', profile: learnProfile(samples, collid, new Date()), samples });
      else await showSheet(queue, state.at + 1, samples);
    } catch (error) {
      setState({
        ...state,
        checking: false,
        note: said('stamp-profile.calibrate.sheet-failed', { text: explain(error) }),
      });
    }
  }, [state, sheetReader, collid, queue, showSheet]);

  const learnedSoFar = useCallback(() => {
    if (state.kind === 'boxing' && state.samples.length > 0)
      setState({
        kind: 'learned',
        profile: learnProfile(state.samples, collid, new Date()),
        samples: state.samples,
      });
  }, [state, collid]);

  const profileKept = useCallback(() => {
    if (state.kind !== 'learned') return;
    stampProfileSaved(collid, state.profile);
    setState({ kind: 'idle' });
  }, [state, collid]);

  const stopped = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, started, boxDrawn, boxAccepted, sheetSkipped, learnedSoFar, profileKept, stopped };
}
