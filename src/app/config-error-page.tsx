/** Shown instead of the app when config.json is missing or wrong: nothing talks to the portal. */
export function ConfigErrorPage({ url, problems }: { url: string; problems: string[] }) {
  return (
    <main className="panel config-error">
      <h1>Specimen Linker cannot start: its configuration is not valid</h1>
      <p>
        Fix <code>{url}</code> next to the app (see the README, “Configuration”) and reload. Nothing was sent
        to the portal.
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </main>
  );
}
