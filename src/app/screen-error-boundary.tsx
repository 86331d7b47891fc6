import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';

interface Props {
  /** The screen's name as shown (worded by the shell). */
  screen: string;
  children: ReactNode;
}

/** What a broken screen says, in the station's language. */
function ScreenStopped({ screen, error }: { screen: string; error: Error }) {
  const say = useSay();
  const sayRich = useSayRich();
  return (
    <div className="panel" role="alert">
      <h2>{say('shell.stopped.heading', { screen })}</h2>
      <p>{sayRich('shell.stopped.text', { message: error.message })}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {say('shell.stopped.reload')}
      </button>
    </div>
  );
}

/**
 * A screen that breaks says so, instead of leaving a blank page: what happened, that the portal keeps
 * everything saved so far, and how to go on. The other screens keep working.
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`The ${this.props.screen} screen stopped:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <ScreenStopped screen={this.props.screen} error={error} />;
  }
}
