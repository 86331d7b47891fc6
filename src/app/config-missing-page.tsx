/**
 * Shown instead of the app when there is no config.json: the build ships only config.example.json, so that
 * copying a new build over an installed one keeps the station's own config.json (docs/decisions/012).
 * Nothing talks to the portal.
 */
export function ConfigMissingPage({ configUrl, devServer }: { configUrl: string; devServer: boolean }) {
  if (devServer) return <NoPortalForDevServer />;
  const config = new URL(configUrl, window.location.href);
  const example = new URL('config.example.json', config);
  return (
    <main className="panel config-error">
      <h1>Specimen Linker cannot start: config.json is missing</h1>
      <p>
        There is no <code>{config.href}</code>. This station’s settings (the portal’s path, the collection,
        its barcode pattern) are kept in that file, next to the app’s <code>index.html</code>. Nothing was
        sent to the portal.
      </p>
      <h2>To create it</h2>
      <ol>
        <li>
          In the app’s folder on the web server, copy <code>config.example.json</code> to{' '}
          <code>config.json</code> (the example is at <a href={example.href}>{example.href}</a>).
        </li>
        <li>
          Set at least <code>portalBasePath</code> (the portal’s path on this server, e.g.{' '}
          <code>/portal</code>) and <code>barcode.pattern</code> (a regular expression every barcode of the
          collection matches). The keys starting with <code>//</code> explain each setting; the app ignores
          them.
        </li>
        <li>Reload this page.</li>
      </ol>
      <p>
        An upgrade never overwrites <code>config.json</code>: a new version brings only{' '}
        <code>config.example.json</code>. See the README, “Deploying” and “Configuration”.
      </p>
    </main>
  );
}

/** `npm run dev` started without PORTAL_URL: the dev server has no portal to pass requests to. */
function NoPortalForDevServer() {
  return (
    <main className="panel config-error">
      <h1>No portal is set for the dev server</h1>
      <p>
        <code>npm run dev</code> was started without <code>PORTAL_URL</code>, so there is no portal to log in
        to or to read records from. Nothing was sent anywhere.
      </p>
      <ul>
        <li>
          To work against a (test) portal, stop the dev server and start it with the portal’s address:
          <pre>PORTAL_URL=https://herbarium.example.org/portal npm run dev</pre>
          Use a test portal: the app writes for real.
        </li>
        <li>
          To try the app without a portal, run <code>npm start</code>: the built-in demo portal.
        </li>
      </ul>
    </main>
  );
}
