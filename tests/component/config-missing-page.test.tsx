import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigMissingPage } from '../../src/app/config-missing-page';
import { inStationLanguage } from '../support/intl';

describe('when there is no config.json', () => {
  it('an installed station says how to make one from the shipped example', () => {
    render(<ConfigMissingPage configUrl="./config.json" devServer={false} />, inStationLanguage);
    expect(screen.getByRole('heading', { name: /cannot start: config.json is missing/ })).toBeInTheDocument();
    const example = new URL('config.example.json', window.location.href).href;
    expect(screen.getByRole('link', { name: example })).toHaveAttribute('href', example);
    expect(screen.getByRole('list')).toHaveTextContent(
      /copy config.example.json to config.json.*portalBasePath.*barcode.pattern.*Reload this page/,
    );
    expect(document.body).toHaveTextContent(/never overwrites config.json/);
  });

  it('the dev server says no portal is set and how to set one, or to run the demo', () => {
    render(<ConfigMissingPage configUrl="./config.json" devServer />, inStationLanguage);
    expect(screen.getByRole('heading', { name: 'No portal is set for the dev server' })).toBeInTheDocument();
    expect(document.body).toHaveTextContent('PORTAL_URL=https://herbarium.example.org/portal npm run dev');
    expect(document.body).toHaveTextContent(/run npm start: the built-in demo portal/);
  });
});
