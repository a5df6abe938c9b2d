import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/** Cluster label holding the legal jurisdiction its data falls under (e.g. "EU"). */
export const JURISDICTION_LABEL = "alliance.coop/jurisdiction";
/** Cluster label holding the ISO 3166-1 alpha-2 country the cluster runs in. */
export const COUNTRY_LABEL = "alliance.coop/country";

// The last list joined for a reason: one request rejects thousands of clusters with the same list.
let joinedList: readonly string[] | undefined;
let joinedText = "";
function joined(list: readonly string[]): string {
  if (list !== joinedList) {
    joinedText = list.join(",");
    joinedList = list;
  }
  return joinedText;
}

/**
 * Data residency: when the request names jurisdictions or countries, the cluster's label must be one of them.
 * A cluster without the label is filtered, since its residency is unknown.
 */
export const residency: Filter = (cluster, request) => {
  const { jurisdictions, countries } = request.constraints;
  if (jurisdictions !== undefined && jurisdictions.length > 0) {
    const jurisdiction = cluster.labels[JURISDICTION_LABEL];
    if (jurisdiction === undefined || !jurisdictions.includes(jurisdiction)) {
      return {
        ok: false,
        reason: `jurisdiction ${jurisdiction ?? "(unlabelled)"} is not in ${joined(jurisdictions)}`,
      };
    }
  }
  if (countries !== undefined && countries.length > 0) {
    const country = cluster.labels[COUNTRY_LABEL];
    if (country === undefined || !countries.includes(country)) {
      return { ok: false, reason: `country ${country ?? "(unlabelled)"} is not in ${joined(countries)}` };
    }
  }
  return PASS;
};
