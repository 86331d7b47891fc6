// Reliability figures from the fault suite and the bad-input matrix (tests/reliability): every write kind
// under every fault the fake portal can produce, and every bad input through the screens.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function benchReliability() {
  const dir = mkdtempSync(join(tmpdir(), 'specimen-linker-bench-'));
  const faults = join(dir, 'reliability.json');
  const inputs = join(dir, 'bad-inputs.json');
  const run = spawnSync('npx', ['vitest', 'run', 'tests/reliability', '--reporter=dot'], {
    stdio: 'inherit',
    env: { ...process.env, RELIABILITY_OUT: faults, BAD_INPUTS_OUT: inputs },
  });
  if (run.status !== 0) throw new Error('The fault suite or the bad-input matrix failed; see above.');
  return {
    reliability: JSON.parse(readFileSync(faults, 'utf8')),
    badInputs: JSON.parse(readFileSync(inputs, 'utf8')),
  };
}
