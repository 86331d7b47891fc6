import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { ConfigErrorPage } from '../../src/app/config-error-page';
import type { StationConfig } from '../../src/domain/station';
import { startFakePortal } from '../support/fake-server';
import { stationConfig } from './drivers/open-station';
import { said } from '../../src/domain/said';
import { inStationLanguage } from '../support/intl';

const config: StationConfig = stationConfig();

describe('the session screen', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  async function logIn(username: string, password = 'demo') {
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('User name'), username);
    await user.type(screen.getByLabelText('Password'), password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
  }

  it('logs a technician in and shows the collection and the screens', async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await logIn('tech');
    expect(await screen.findByText('Demo Herbarium - Vascular Plants (DEMO:VP)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Link while imaging/ })).toHaveAttribute(
      'aria-keyshortcuts',
      'Alt+1',
    );
    expect(fake.fake.user()?.login).toBe('tech');
  });

  it('starts the stamp reader while the login form is up, so the first sheet after login does not wait for it', async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    let warmed = 0;
    const sheetReader = {
      warm: () => void warmed++,
      read: () => new Promise<never>(() => undefined),
      readLabel: () => new Promise<never>(() => undefined),
      sampleStamp: () => Promise.resolve(null),
    };
    render(<App config={config} portal={fake.portal} sheetReader={sheetReader} />);
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    await waitFor(() => expect(warmed).toBeGreaterThan(0));
    // Nobody has logged in: nothing was asked of the portal's editor pages under anyone's name.
    expect(fake.fake.user()).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });

  it("keeps the user on the login form with the portal's reason when the password is wrong", async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await logIn('tech', 'nope');
    expect(await screen.findByRole('alert')).toHaveTextContent(/username or password was incorrect/);
    expect(screen.queryByRole('navigation', { name: 'Screens' })).not.toBeInTheDocument();
  });

  it('asks for both fields before bothering the portal', async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type your portal user name and password.');
    expect(fake.fake.user()).toBeUndefined();
  });

  it('tells a user without editor rights what to do', async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await logIn('viewer');
    expect(await screen.findByRole('heading', { name: 'No editor rights' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'viewer is logged in but may not edit Demo Herbarium',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    expect(fake.fake.user()).toBeUndefined();
  });

  it('on a portal at the web root, Log out shows the login form, and the next user is not let in under the last one', async () => {
    // There the portal's logout leaves its editor pages logged in (rec. 23).
    const fake = startFakePortal({ rootPath: '' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await logIn('tech');
    await screen.findByText('Logged in as');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      "The portal's editor pages are still logged in as tech",
    );

    await logIn('curator');
    expect(
      await screen.findByRole('heading', { name: 'The portal still has tech logged in' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'The portal still has tech logged in' })).toHaveTextContent(
      "Anything saved now would be recorded under tech's name, so the station saves nothing.",
    );
    expect(screen.queryByRole('navigation', { name: 'Screens' })).not.toBeInTheDocument();

    // tech logs in again: the portal and the station agree.
    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await logIn('tech');
    expect(await screen.findByRole('navigation', { name: 'Screens' })).toBeInTheDocument();
    expect(fake.fake.state.edits).toEqual([]);
  });

  it('under a path, Log out ends the portal session and the next user works under their own name', async () => {
    const fake = startFakePortal({ rootPath: '/portal' });
    close = fake.close;
    render(<App config={config} portal={fake.portal} />);
    await logIn('tech');
    await screen.findByText('Logged in as');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
    expect(screen.queryByText(/still logged in/)).not.toBeInTheDocument();
    await logIn('curator');
    expect(await screen.findByRole('navigation', { name: 'Screens' })).toBeInTheDocument();
    expect(fake.fake.user()?.login).toBe('curator');
  });

  it('lets the station choose its collection when config.json leaves it open', async () => {
    const fake = startFakePortal({ rootPath: '/portal', loggedInAs: 'tech' });
    close = fake.close;
    render(<App config={{ ...config, collectionId: null, collectionChoices: [1] }} portal={fake.portal} />);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Collection id')).toHaveAccessibleDescription(
      /collections\/misc\/collprofiles\.php\?collid=3.*collid=.*editor.*collectionId.*config\.json/,
    );
    await user.type(screen.getByLabelText('Collection id'), 'one');
    await user.click(screen.getByRole('button', { name: 'Use this collection' }));
    expect(screen.getByRole('alert')).toHaveTextContent('"one" is not a collection id');
    await user.click(screen.getByRole('button', { name: 'Collection 1' }));
    expect(await screen.findByText('Demo Herbarium - Vascular Plants (DEMO:VP)')).toBeInTheDocument();
  });
});

describe('the configuration error page', () => {
  it('lists every problem and says which file to fix', () => {
    render(
      <ConfigErrorPage
        url="./config.json"
        problems={[said('setup.problem.not-a-regex', { path: 'barcode.pattern' })]}
      />,
      inStationLanguage,
    );
    expect(screen.getByRole('heading', { name: /cannot start/ })).toBeInTheDocument();
    expect(screen.getByText('./config.json')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'barcode.pattern: is not a valid regular expression',
    );
  });
});
