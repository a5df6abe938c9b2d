import { useLocation } from "../lib/router.js";
import { signInHref } from "../lib/viewer.js";

/** Asks an anonymous viewer to sign in to do something, returning to this page afterwards. */
export function SignInPrompt({ action }: { action: string }) {
  const location = useLocation();
  return (
    <div className="panel">
      <p>Sign in to {action}.</p>
      <p>
        <a className="button button-primary" href={signInHref(location)}>
          Sign in
        </a>
      </p>
    </div>
  );
}
