import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';

/**
 * Shown instead of the app when there is no config.json: the build ships only config.example.json, so that
 * copying a new build over an installed one keeps the station's own config.json (docs/decisions/012).
 * Nothing talks to the portal.
 */
export function ConfigMissingPage({ configUrl, devServer }: { configUrl: string; devServer: boolean }) {
  const say = useSay();
  const sayRich = useSayRich();
  const intl = useIntl();
  if (devServer) return <NoPortalForDevServer />;
  const config = new URL(configUrl, window.location.href);
  const example = new URL('config.example.json', config);
  return (
    <main className="panel config-error">
      <h1>{say('setup.missing.heading')}</h1>
      <p>{sayRich('setup.missing.text', { config: config.href })}</p>
      <h2>{say('setup.missing.to-create')}</h2>
      <ol>
        <li>
          {intl.formatMessage(
            { id: 'setup.missing.copy' },
            {
              example: example.href,
              code: (chunks: ReactNode[]) => <code>{chunks}</code>,
              a: (chunks: ReactNode[]) => <a href={example.href}>{chunks}</a>,
            },
          )}
        </li>
        <li>{sayRich('setup.missing.set')}</li>
        <li>{say('setup.missing.reload')}</li>
      </ol>
      <p>{sayRich('setup.missing.upgrade')}</p>
    </main>
  );
}

/** `npm run dev` started without PORTAL_URL: the dev server has no portal to pass requests to. */
function NoPortalForDevServer() {
  const say = useSay();
  const sayRich = useSayRich();
  return (
    <main className="panel config-error">
      <h1>{say('setup.dev.heading')}</h1>
      <p>{sayRich('setup.dev.text')}</p>
      <ul>
        <li>
          {say('setup.dev.portal')}
          <pre>PORTAL_URL=https://herbarium.example.org/portal npm run dev</pre>
          {say('setup.dev.test-portal')}
        </li>
        <li>{sayRich('setup.dev.demo')}</li>
      </ul>
    </main>
  );
}
