import type { PortalReads } from './portal';

/**
 * Query options for the portal reads the screens share (TanStack Query): one key per read, next to its
 * fetcher, so two screens asking for the same record share its answer.
 */
export const portalQueries = (portal: PortalReads) => ({
  record: (occid: number) => ({
    queryKey: ['record', occid] as const,
    queryFn: () => portal.readRecord(occid),
    // A record left behind is not looked at again; keeping it for React Query's default 5 minutes made a
    // long session's memory grow with every record.
    gcTime: 5_000,
  }),
  session: (collid: number) => ({
    queryKey: ['portal-session', collid] as const,
    queryFn: () => portal.session(collid),
  }),
  /** Per user: another login on the station is asked again. */
  collectionRole: (collid: number, user: string) => ({
    queryKey: ['collection-role', collid, user] as const,
    queryFn: () => portal.collectionRole(collid),
    staleTime: 5 * 60_000,
  }),
  check: (collid: number) => ({
    queryKey: ['portal-check', collid] as const,
    queryFn: () => portal.checkPortal(collid),
  }),
});
