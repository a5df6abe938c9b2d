import { Link } from "../lib/link.js";

const AREAS = [
  { to: "/manuals", title: "Manuals", text: "Versioned guides to the shared stack, from kubeadm to Odoo." },
  {
    to: "/blueprints",
    title: "Blueprints",
    text: "Reviewed cluster recipes, rendered with your parameters.",
  },
  { to: "/clusters", title: "Clusters", text: "Member clusters that carry each other's workloads." },
  {
    to: "/placements",
    title: "Placements",
    text: "Run a workload on capacity other cooperatives offer, and see where and why.",
  },
  { to: "/forum", title: "Forum", text: "Questions, incident reports and decisions between cooperatives." },
];

/** What the hub holds, one line per area, each linking to it (areas still being built say so there). */
export function HubAreas() {
  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading" className="visually-hidden">
        What the hub holds
      </h2>
      <ul className="area-grid">
        {AREAS.map((area) => (
          <li key={area.to} className="area">
            <Link to={area.to} className="area-title">
              {area.title}
            </Link>
            <p>{area.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
