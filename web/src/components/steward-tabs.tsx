import { Link } from "../lib/link.js";
import { useLocation } from "../lib/router.js";

const TABS = [
  { to: "/stewards/applications", label: "Applications" },
  { to: "/stewards/audit", label: "Audit log" },
  { to: "/stewards/clusters", label: "Clusters" },
];

/** Switches between the stewards' pages. */
export function StewardTabs() {
  const location = useLocation();
  return (
    <nav className="tabs" aria-label="Steward pages">
      {TABS.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={location.startsWith(tab.to) ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
