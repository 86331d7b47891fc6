/** Says plainly that a screen does not exist yet, instead of showing something half-done. */
export function NotBuiltYet({ title }: { title: string }) {
  return (
    <section className="panel" aria-labelledby="not-built-heading">
      <h1 id="not-built-heading">{title}</h1>
      <p>This screen is not built yet. Nothing here reads or writes the portal.</p>
    </section>
  );
}
