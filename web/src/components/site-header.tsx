import { useEffect, useState } from "react";
import { Link } from "../lib/link.js";
import { useLocation } from "../lib/router.js";
import { useViewer } from "../lib/viewer.js";
import { AccountMenu } from "./account-menu.js";
import { ForumNotificationsLink } from "./forum-notifications-link.js";
import { SearchBox } from "./search/search-box.js";

interface NavigationItem {
  to: string;
  label: string;
}

const NAVIGATION: readonly NavigationItem[] = [
  { to: "/cooperatives", label: "Cooperatives" },
  { to: "/forum", label: "Forum" },
  { to: "/manuals", label: "Manuals" },
  { to: "/blueprints", label: "Blueprints" },
  { to: "/clusters", label: "Clusters" },
  { to: "/placements", label: "Placements" },
  { to: "/search", label: "Search" },
];

const STEWARD_ITEM: NavigationItem = { to: "/stewards/applications", label: "Stewards" };

const isCurrent = (location: string, to: string) => {
  const path = location.split("?")[0];
  const section = to.split("/").slice(0, 2).join("/");
  return path === to || path.startsWith(`${section}/`) || path === section;
};

/** The hub's header: name, main navigation (a menu button on narrow screens) and the account area. */
export function SiteHeader() {
  const location = useLocation();
  const { isSteward } = useViewer();
  const [open, setOpen] = useState(false);
  const items = isSteward ? [...NAVIGATION, STEWARD_ITEM] : NAVIGATION;

  // Close the menu after every navigation, so the chosen page is not hidden behind it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose when the location changes
  useEffect(() => setOpen(false), [location]);

  return (
    <header className="site-header">
      <div className="container header-bar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Alliance Hub
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((value) => !value)}
        >
          Menu
        </button>
        <div id="site-menu" className={open ? "site-menu open" : "site-menu"}>
          <nav aria-label="Main">
            <ul className="nav-list">
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(location, item.to) ? "page" : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {/* One group, so on a crowded desktop it moves below the navigation as a whole, inside the header. */}
          <div className="header-tools">
            <SearchBox />
            <ForumNotificationsLink />
            <AccountMenu />
          </div>
        </div>
      </div>
    </header>
  );
}
