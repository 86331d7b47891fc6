import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useScannerCapture } from '../../src/ui/use-scanner-capture';

function ScanStep({ clock }: { clock?: () => number }) {
  const field = useRef<HTMLInputElement>(null);
  const [scans, setScans] = useState<string[]>([]);
  const [pressed, setPressed] = useState(0);
  useScannerCapture({
    active: true,
    field,
    onScan: (code) => setScans((s) => [...s, code]),
    ...(clock ? { clock } : {}),
  });
  return (
    <div>
      <label>
        Barcode
        <input ref={field} />
      </label>
      <button type="button" onClick={() => setPressed((n) => n + 1)}>
        Escalate
      </button>
      <output aria-label="scans">{scans.join(' ')}</output>
      <output aria-label="presses">{pressed}</output>
    </div>
  );
}

describe('a scan made while focus is elsewhere on the page', () => {
  it.each([
    [0, '{Enter}'],
    [80, '{Enter}'],
    [0, '{Tab}'],
    [80, '{Tab}'],
  ])(
    'is caught with %i ms between keys and a %s suffix, without pressing the focused button',
    async (delay, suffix) => {
      // The scanner's pace is given, not measured: a busy test machine must not stretch 80 ms into 130.
      let now = 0;
      const scannerClock = () => (now += delay);
      const user = userEvent.setup({ delay: 0 });
      render(<ScanStep clock={scannerClock} />);
      screen.getByRole('button', { name: 'Escalate' }).focus();
      await user.keyboard(`DEMO0001241${suffix}`);
      expect(screen.getByLabelText('scans')).toHaveTextContent('DEMO0001241');
      expect(screen.getByLabelText('presses')).toHaveTextContent('0');
      expect(screen.getByRole('button', { name: 'Escalate' })).toHaveFocus();
    },
  );

  it('leaves a plain Enter on the focused button alone', async () => {
    const user = userEvent.setup();
    render(<ScanStep />);
    screen.getByRole('button', { name: 'Escalate' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('presses')).toHaveTextContent('1');
    expect(screen.getByLabelText('scans')).toHaveTextContent('');
  });
});
