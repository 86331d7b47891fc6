import { useIntl } from 'react-intl';
import { STATION_LOCALES, type StationLocale } from '../i18n/intl';
import { chooseLocale } from '../i18n/station-language';
import { useSay } from '../i18n/use-say';

/** Each language in its own name, as a technician looks for it. */
const NAMES: Record<StationLocale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  'pt-BR': 'Português (Brasil)',
};

/** The station's language, chosen here and kept on this station. */
export function LanguageSwitcher() {
  const say = useSay();
  const { locale } = useIntl();
  return (
    <label className="language-switcher">
      <select
        value={locale}
        aria-label={say('station.language')}
        onChange={(e) => void chooseLocale(e.target.value as StationLocale)}
      >
        {STATION_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
