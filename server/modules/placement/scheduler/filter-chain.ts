import { acceptedAvailable } from "./filters/accepted-available.js";
import { capacityFresh } from "./filters/capacity-fresh.js";
import { clusterFit } from "./filters/cluster-fit.js";
import { labelSelector } from "./filters/label-selector.js";
import { nodeShapeFit } from "./filters/node-shape-fit.js";
import { offerEligibility } from "./filters/offer-eligibility.js";
import { offerFit } from "./filters/offer-fit.js";
import { offerWindow } from "./filters/offer-window.js";
import { ownCluster } from "./filters/own-cluster.js";
import { residency } from "./filters/residency.js";
import { taintToleration } from "./filters/taint-toleration.js";
import type { Filter } from "./types.js";

/** A filter with the name reported in explanations. */
export interface NamedFilter {
  name: string;
  filter: Filter;
}

/**
 * Every filter, in the order they run. Cheap checks on health come first, capacity arithmetic last; the first
 * filter that rejects a cluster is the one its explanation names.
 */
export const FILTER_CHAIN: readonly NamedFilter[] = [
  { name: "acceptedAvailable", filter: acceptedAvailable },
  { name: "capacityFresh", filter: capacityFresh },
  { name: "taintToleration", filter: taintToleration },
  { name: "ownCluster", filter: ownCluster },
  { name: "offerEligibility", filter: offerEligibility },
  { name: "offerWindow", filter: offerWindow },
  { name: "residency", filter: residency },
  { name: "labelSelector", filter: labelSelector },
  { name: "offerFit", filter: offerFit },
  { name: "clusterFit", filter: clusterFit },
  { name: "nodeShapeFit", filter: nodeShapeFit },
];
