import type { ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { stationIntl } from '../../src/i18n/intl';

/** For a part of the app rendered on its own: the station's language around it, as the app gives it. */
export const inStationLanguage = {
  wrapper: ({ children }: { children: ReactNode }) => (
    <RawIntlProvider value={stationIntl()}>{children}</RawIntlProvider>
  ),
};
