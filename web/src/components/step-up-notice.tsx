/**
 * Shown when the hub answers STEP_UP_REQUIRED: what needs the second factor, and the link (from the error's
 * `stepUpUrl`) that signs in again with it and comes back.
 */
export function StepUpNotice({ action, stepUpUrl }: { action: string; stepUpUrl: string }) {
  return (
    <div className="notice notice-warning" role="alert">
      <p>{action} needs a recent sign-in with your second factor.</p>
      <p>
        <a className="button button-primary button-small" href={stepUpUrl}>
          Confirm with your second factor
        </a>
      </p>
    </div>
  );
}
