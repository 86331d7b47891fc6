import type { PortalClient } from './portal';

/**
 * Posts the comment that follows a write which stands on its own (an escalation, a resolution; rec. 12b).
 * A comment that does not get through is reported in words, never thrown, so the saved change is not
 * shown as failed and is not retried into a refusal.
 */
export async function postFollowUpComment(
  portal: PortalClient,
  occid: number,
  text: string,
): Promise<string | null> {
  try {
    await portal.addComment(occid, text);
    return null;
  } catch (error) {
    if (error instanceof Error && error.name === 'KeptInOutbox')
      return `The comment on record ${occid} is not posted yet: ${error.message} The change itself is saved.`;
    return `The comment on record ${occid} was not posted (${error instanceof Error ? error.message : String(error)}); the change itself is saved — tell the supervisor the reason, or add it as a comment in the portal.`;
  }
}
