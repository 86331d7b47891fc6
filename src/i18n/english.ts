import type { Messages } from './intl';

/**
 * The English catalog, read at once: for tests and scripts that run without the app's loading (the app
 * loads every language, English too, with `loadMessages`).
 */
const files = import.meta.glob<{ default: Messages }>('./locales/en/*.json', { eager: true });

export const englishMessages: Messages = Object.assign(
  {},
  ...Object.values(files).map((f) => f.default),
) as Messages;
