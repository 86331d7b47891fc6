import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { followPortalLanguage } from '../../i18n/station-language';
import type { PortalReads } from '../../portal/portal';
import { portalQueries } from '../../portal/queries';

/** The portal session of the chosen collection, read again on request, and logging out of it. */
export function usePortalSession(portal: PortalReads, collid: number | null, loggedOut: () => void) {
  const queryClient = useQueryClient();
  const query = portalQueries(portal).session(collid ?? 0);
  const session = useQuery({ ...query, enabled: collid !== null, staleTime: 60_000 });
  // A station nobody chose a language on speaks the language the portal's pages answer in.
  const portalLanguage = session.data && 'portalLanguage' in session.data ? session.data.portalLanguage : null;
  useEffect(() => {
    if (portalLanguage) void followPortalLanguage(portalLanguage);
  }, [portalLanguage]);
  const recheck = () => queryClient.invalidateQueries({ queryKey: query.queryKey });
  const logOut = async () => {
    try {
      await portal.logout();
    } finally {
      loggedOut();
      await recheck();
    }
  };
  return { session, recheck, logOut };
}
