import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RawIntlProvider } from 'react-intl';
import { App } from './app/app';
import { loadConfig } from './app/config';
import { ConfigErrorPage } from './app/config-error-page';
import { ConfigMissingPage } from './app/config-missing-page';
import type { DemoControls } from './app/shell';
import './app/app.css';
import { createSymbiotaPortal } from './portal/symbiota/symbiota-portal';
import { stationIntl } from './i18n/intl';
import { applyLocale, startingLocale } from './i18n/station-language';
import { armEarlyKeys } from './ui/early-keys';

const DEMO = import.meta.env.MODE === 'demo';

async function boot() {
  // Keys typed while the first screen loads are kept for its first field (src/ui/early-keys.ts).
  armEarlyKeys();
  const root = createRoot(document.getElementById('root')!);
  const configUrl = DEMO ? './demo/config.json' : './config.json';
  // The catalog comes with the configuration, in parallel: the first screen needs both.
  const [loaded] = await Promise.all([loadConfig(configUrl), applyLocale(startingLocale())]);
  if (!loaded.ok) {
    root.render(
      <RawIntlProvider value={stationIntl()}>
        {'missing' in loaded ? (
          <ConfigMissingPage configUrl={configUrl} devServer={import.meta.env.DEV} />
        ) : (
          <ConfigErrorPage url={configUrl} problems={loaded.problems} />
        )}
      </RawIntlProvider>,
    );
    return;
  }
  const { config } = loaded;
  let demo: DemoControls | null = null;
  let portalBasePath = config.portalBasePath;
  // Statically false outside demo mode, so the production bundle carries no fake portal and no MSW.
  if (DEMO) {
    const { startDemoPortal } = await import('./portal/fake-symbiota/browser');
    const started = await startDemoPortal();
    demo = started;
    // The demo portal plays a kind of portal, at the root or under a path (?portal=NAME).
    portalBasePath = started.rootPath;
  }
  const portal = createSymbiotaPortal({ portalUrl: `${window.location.origin}${portalBasePath}` });
  root.render(
    <StrictMode>
      <App
        config={config}
        portal={portal}
        demo={demo}
        {...(DEMO ? { loginHint: 'session.login.demo-accounts' as const } : {})}
      />
    </StrictMode>,
  );
}

void boot();
