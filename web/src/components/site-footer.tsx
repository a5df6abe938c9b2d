/** The footer: what the hub is, in one line. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Alliance Hub is run by the cooperatives of the alliance, for the cooperatives of the alliance:
          shared manuals, blueprints and clusters on open infrastructure.
        </p>
      </div>
    </footer>
  );
}
