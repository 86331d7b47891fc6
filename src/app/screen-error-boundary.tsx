import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  screen: string;
  children: ReactNode;
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
    return (
      <div className="panel" role="alert">
        <h2>The {this.props.screen} screen stopped working</h2>
        <p>
          Something in this screen failed: <code>{error.message}</code>. What was saved in the portal is safe;
          the list of this session&apos;s work may be gone. Reload the page to go on, and tell whoever looks
          after this station what you were doing.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
