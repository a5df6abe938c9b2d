import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";

/** Shown for paths the web app does not know. */
export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to the front page</Link>
      </p>
    </section>
  );
}
