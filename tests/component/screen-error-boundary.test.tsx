import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { ScreenErrorBoundary } from '../../src/app/screen-error-boundary';
import { inStationLanguage } from '../support/intl';

function Broken(): never {
  throw new Error('record 36 has no images array');
}

it('a screen that breaks says what happened and how to go on, instead of a blank page', () => {
  // React reports the caught error itself; here it is expected.
  const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  render(
    <ScreenErrorBoundary screen="Link unprocessed records">
      <Broken />
    </ScreenErrorBoundary>,
    inStationLanguage,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('The Link unprocessed records screen stopped working');
  expect(screen.getByRole('alert')).toHaveTextContent('record 36 has no images array');
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  expect(reported).toHaveBeenCalled();
});
