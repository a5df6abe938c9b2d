import { Component, type ReactNode } from "react";

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * Catches a rendering failure of one page so the header and navigation stay usable. `resetKey` (the location)
 * clears the failure when the person navigates elsewhere.
 */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="page narrow">
        <h1>Something went wrong</h1>
        <p className="notice notice-error" role="alert">
          This page could not be shown. Reload it, or go back to the front page; the rest of the hub still
          works.
        </p>
      </section>
    );
  }
}
