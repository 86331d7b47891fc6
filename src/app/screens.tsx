import { lazy } from 'react';

/**
 * The work screens are loaded when first needed (and fetched in the background once someone has logged
 * in), so the JavaScript before the login screen stays small: the viewer (OpenSeadragon) comes with
 * Option 2 and Review, not with the login (issue 11; checked by scripts/check-production-build.mjs).
 */
const loaders = {
  imaging: () => import('../features/link-while-imaging/link-while-imaging'),
  unprocessed: () => import('../features/link-unprocessed/link-unprocessed'),
  review: () => import('../features/review/review-screen'),
  journal: () => import('../features/journal/journal-screen'),
  portalCheck: () => import('../features/portal-check/portal-check-screen'),
};

export const LinkWhileImaging = lazy(() => loaders.imaging().then((m) => ({ default: m.LinkWhileImaging })));
export const LinkUnprocessed = lazy(() =>
  loaders.unprocessed().then((m) => ({ default: m.LinkUnprocessed })),
);
export const ReviewScreen = lazy(() => loaders.review().then((m) => ({ default: m.ReviewScreen })));
export const JournalScreen = lazy(() => loaders.journal().then((m) => ({ default: m.JournalScreen })));
export const PortalCheckScreen = lazy(() =>
  loaders.portalCheck().then((m) => ({ default: m.PortalCheckScreen })),
);

/** After the login: every screen is fetched while the technician starts, so switching never waits. */
export function prefetchScreens() {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}
