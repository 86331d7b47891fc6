import { useQuery } from '@tanstack/react-query';
import { saidOf } from '../../portal/errors';
import { portalQueries } from '../../portal/queries';
import { useSay } from '../../i18n/use-say';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';

/**
 * Whether this user may open and resolve Review's cases: the collection's administrators and the portal's
 * super-administrators may; anyone else sees the list only, and so does everyone while the role is being read
 * or when the portal does not tell it. A convenience of the station, not a safeguard: the portal lets every
 * editor of the collection make these writes (README, Review).
 */
export function useReviewRole() {
  const { portal, collid, username } = useStation();
  const role = useQuery(portalQueries(portal).collectionRole(collid, username));
  return { mayResolve: role.data === 'administrator', role };
}

/** The line a user who may not resolve cases reads above the list, saying why. */
export function ReviewRoleNotice({ role }: { role: ReturnType<typeof useReviewRole>['role'] }) {
  const say = useSay();
  if (role.isError) {
    return (
      <StatusLine tone="warning">
        {say('review.role-unknown', { reason: say(saidOf(role.error)) })}
      </StatusLine>
    );
  }
  if (role.data === 'editor') return <StatusLine tone="info">{say('review.for-administrators')}</StatusLine>;
  return null;
}
