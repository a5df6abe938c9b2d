import { type FormEvent, useState } from "react";
import { TIER_LABELS } from "../lib/format.js";

/** The directory's filters as they appear in the address (`?q=…&tier=…`). */
export interface DirectoryFilter {
  search: string;
  tier: string;
}

/** Search box and tier filter; applies on submit (search) or at once (tier). */
export function DirectoryFilters({
  filter,
  onChange,
}: {
  filter: DirectoryFilter;
  onChange: (next: DirectoryFilter) => void;
}) {
  const [search, setSearch] = useState(filter.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, search: search.trim() });
  };
  return (
    <search>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="directory-search">Search by name or slug</label>
          <div className="input-with-button">
            <input
              id="directory-search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="e.g. green"
            />
            <button type="submit" className="button button-secondary">
              Search
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="directory-tier">Tier</label>
          <select
            id="directory-tier"
            value={filter.tier}
            onChange={(event) => onChange({ search, tier: event.target.value })}
          >
            <option value="">All tiers</option>
            {Object.entries(TIER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
