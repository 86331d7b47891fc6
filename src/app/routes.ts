import { useSyncExternalStore } from 'react';

/** The screens, in the order of their keys (Alt+1…); each is named by `shell.screen.<id>`. */
export const SCREENS = [
  { id: 'imaging', key: '1' },
  { id: 'unprocessed', key: '2' },
  { id: 'review', key: '3' },
  { id: 'journal', key: '4' },
  { id: 'portal-check', key: '5' },
  { id: 'stamp-profile', key: '6' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

const current = (): ScreenId => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return SCREENS.some((s) => s.id === id) ? (id as ScreenId) : 'imaging';
};

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The screen in the address bar (`#/imaging`), so a reload comes back to the same screen. */
export const useScreen = () => useSyncExternalStore(subscribe, current);
export const goTo = (screen: ScreenId) => {
  window.location.hash = `#/${screen}`;
};
