// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The shape decision 012 asks for, checked: screens render and controllers orchestrate; no screen calls the
 * portal or builds a journal entry; features do not import each other; no screen grows past 250 lines.
 */
const FEATURES = join(__dirname, '../../src/features');
const screens = readdirSync(FEATURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(FEATURES, d.name))
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => join(FEATURES, d.name, f)),
  );

describe('the screens', () => {
  it.each(screens.map((f) => [f.slice(f.indexOf('src/')), f]))('%s is at most 250 lines', (_name, file) => {
    expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });
});

describe('the lint rules', () => {
  const eslint = new ESLint({ cwd: join(__dirname, '../..') });
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.message);

  it('refuse a screen that calls the portal, submits a task or writes the journal', async () => {
    const said = await problems(
      `import { useStation } from '../../ui/station';
export function Probe() {
  const { portal, outbox, journal } = useStation();
  void portal.readRecord(1);
  outbox.submit({} as never);
  void journal.append({} as never);
  return null;
}
`,
      'src/features/review/probe.tsx',
    );
    expect(said).toEqual([
      expect.stringMatching(/does not call the portal/),
      expect.stringMatching(/does not submit tasks/),
      expect.stringMatching(/Only the outbox writes journal entries/),
    ]);
  });

  it.each(readdirSync(FEATURES).map((f) => [f]))(
    'keep every other feature out of %s, the newest folders too',
    async (feature) => {
      const other = readdirSync(FEATURES).find((f) => f !== feature)!;
      const said = await problems(
        `import { x } from '../${other}/anything';\nexport const y = x;\n`,
        `src/features/${feature}/probe.ts`,
      );
      expect(said.join('\n')).toMatch(/Features do not import each other/);
    },
  );
});
