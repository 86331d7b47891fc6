import { createContext, useContext, type ReactNode } from 'react';
import type { StationConfig } from '../domain/station';
import type { StationJournal } from '../journal/station-journal';
import type { Outbox } from '../outbox/outbox';
import type { PortalReads } from '../portal/portal';
import type { SheetReader } from '../readers/sheet-reader';

/** What every screen of a logged-in station knows: the rules, the portal, who is working on what. */
export interface Station {
  config: StationConfig;
  /** Reads only: every write is a task for the outbox. */
  portal: PortalReads;
  collid: number;
  collectionName: string;
  username: string;
  statuses: string[];
  /** Every write this station makes, kept locally (IndexedDB). */
  journal: StationJournal;
  /** Every decision is a task here until the portal has it (docs/decisions/012). */
  outbox: Outbox;
  /** When this user's work session began: "This session" lists what was decided since. */
  sessionSince: number;
  /** Reads stamps and barcodes off the sheets; null when config.json turns reading off. */
  sheetReader: SheetReader | null;
}

const StationContext = createContext<Station | null>(null);

export function StationProvider({ station, children }: { station: Station; children: ReactNode }) {
  return <StationContext.Provider value={station}>{children}</StationContext.Provider>;
}

export function useStation(): Station {
  const station = useContext(StationContext);
  if (station === null)
    throw new Error('useStation() needs a StationProvider: the screen was rendered before login.');
  return station;
}
