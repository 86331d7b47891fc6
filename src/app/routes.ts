import { useSyncExternalStore } from 'react';

export const SCREENS = [
  { id: 'imaging', label: 'Link while imaging', key: '1' },
  { id: 'unprocessed', label: 'Link unprocessed records', key: '2' },
  { id: 'review', label: 'Review', key: '3' },
  { id: 'journal', label: 'Journal', key: '4' },
  { id: 'portal-check', label: 'Check this portal', key: '5' },
  { id: 'stamp-profile', label: 'Stamp profile', key: '6' },
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
