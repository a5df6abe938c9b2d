import { useEffect, useRef } from "react";
import { ErrorBoundary } from "./components/error-boundary.js";
import { SiteFooter } from "./components/site-footer.js";
import { SiteHeader } from "./components/site-header.js";
import { useLocation } from "./lib/router.js";
import { ViewerProvider } from "./lib/viewer.js";
import { resolveRoute } from "./routes.js";

/** The whole web app: skip link, header, the page of the current route in `<main>`, footer. */
export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers start reading there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose when the location changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.split("?")[0]]);

  return (
    <ViewerProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1}>
        <div className="container">
          <ErrorBoundary resetKey={location}>{resolveRoute(location)}</ErrorBoundary>
        </div>
      </main>
      <SiteFooter />
    </ViewerProvider>
  );
}
