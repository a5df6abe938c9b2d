import { Link } from "../lib/link.js";
import { useLocation } from "../lib/router.js";
import { signInHref, useViewer } from "../lib/viewer.js";

/** Sign in, or the signed-in person's name (to their profile) and a sign-out form. */
export function AccountMenu() {
  const location = useLocation();
  const { person, loading } = useViewer();
  if (loading && !person) return <div className="account" aria-hidden="true" />;
  if (!person) {
    return (
      <div className="account">
        <a className="button button-primary button-small" href={signInHref(location)}>
          Sign in
        </a>
      </div>
    );
  }
  return (
    <div className="account">
      <Link to="/profile" className="account-name">
        {person.name}
      </Link>
      <form method="post" action="/auth/logout">
        <button type="submit" className="button button-ghost button-small">
          Sign out
        </button>
      </form>
    </div>
  );
}
