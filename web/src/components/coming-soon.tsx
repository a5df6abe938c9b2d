import { usePageTitle } from "../lib/page-title.js";

/** An honest placeholder for an area that is being built: what it will hold, and no invented content. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  usePageTitle(title);
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      <div className="coming-soon">
        <p className="badge badge-neutral">Coming soon</p>
        <p>{description}</p>
      </div>
    </section>
  );
}
