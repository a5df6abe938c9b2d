import { expect } from "vitest";
import { CONTRACT_VIEWERS, PUBLIC_IDS } from "./fixtures.js";
import { foundIds, sorted } from "./contract-helpers.js";
import type { SearchProviderContractCase } from "./contract-case.js";

const { northMember } = CONTRACT_VIEWERS;

/** Words, phrases, exclusion, every operator, typo and prefix tolerance. */
export const QUERY_CASES: SearchProviderContractCase[] = [
  {
    name: "finds a document by a word in its body",
    run: async (provider) => expect(await foundIds(provider, "timers")).toEqual(["topic-bgp"]),
  },
  {
    name: "requires every word to match",
    run: async (provider) => {
      expect(await foundIds(provider, "speaker session")).toEqual(["topic-bgp"]);
      expect(await foundIds(provider, "speaker odoo")).toEqual([]);
    },
  },
  {
    name: "matches words case-insensitively",
    run: async (provider) => expect(await foundIds(provider, "MAYASTOR")).toEqual(["topic-volume"]),
  },
  {
    name: "matches a phrase only in its word order",
    run: async (provider) => {
      expect(await foundIds(provider, '"speaker loses"')).toEqual(["topic-bgp"]);
      expect(await foundIds(provider, '"loses speaker"')).toEqual([]);
    },
  },
  {
    name: "leaves out documents containing an excluded word",
    run: async (provider) => {
      expect(await foundIds(provider, "kubeadm", northMember)).toEqual([
        "post-north-private",
        "post-upgrade",
      ]);
      expect(await foundIds(provider, "kubeadm -maintenance", northMember)).toEqual(["post-upgrade"]);
    },
  },
  {
    name: "leaves out documents containing an excluded phrase",
    run: async (provider) =>
      expect(await foundIds(provider, 'kubeadm -"control plane"', northMember)).toEqual([
        "post-north-private",
      ]),
  },
  {
    name: "filters by type",
    run: async (provider) => {
      expect(await foundIds(provider, "type:topic")).toEqual(["topic-bgp", "topic-volume"]);
      expect(await foundIds(provider, "type:manual")).toEqual([
        "manual-metallb-2026.04",
        "manual-metallb-2026.10",
      ]);
      expect(await foundIds(provider, "type:blueprint,topic odoo")).toEqual(["blueprint-odoo"]);
    },
  },
  {
    name: "filters by category, also when typed as a quoted name",
    run: async (provider) => {
      expect(await foundIds(provider, "category:day-two")).toEqual(["post-upgrade"]);
      expect(await foundIds(provider, 'category:"Day Two"', northMember)).toEqual([
        "post-north-private",
        "post-upgrade",
      ]);
    },
  },
  {
    name: "filters by tag",
    run: async (provider) => {
      expect(await foundIds(provider, "tag:metallb")).toEqual(["topic-bgp"]);
      expect(await foundIds(provider, "tag:helm")).toEqual(["blueprint-odoo", "post-html"]);
    },
  },
  {
    name: "filters by author handle, case-insensitively",
    run: async (provider) => {
      expect(await foundIds(provider, "@bob")).toEqual(["topic-bgp"]);
      expect(await foundIds(provider, "@ALICE")).toEqual(["post-upgrade"]);
    },
  },
  {
    name: "filters by cooperative slug",
    run: async (provider) =>
      expect(await foundIds(provider, "coop:south")).toEqual(["blueprint-odoo", "topic-bgp"]),
  },
  {
    name: "filters by release",
    run: async (provider) =>
      expect(await foundIds(provider, "release:2026.10")).toEqual(["manual-metallb-2026.10"]),
  },
  {
    name: "filters topics by solved status",
    run: async (provider) => {
      expect(await foundIds(provider, "status:solved")).toEqual(["topic-volume"]);
      expect(await foundIds(provider, "status:unsolved")).toEqual(["topic-bgp"]);
    },
  },
  {
    name: "restricts words to titles with in:title",
    run: async (provider) => {
      expect(await foundIds(provider, "in:title volume")).toEqual(["topic-volume"]);
      expect(await foundIds(provider, "in:title timers")).toEqual([]);
    },
  },
  {
    name: "filters by creation day: before is exclusive, after is inclusive",
    run: async (provider) => {
      expect(await foundIds(provider, "before:2026-04-01")).toEqual(["post-html", "post-upgrade"]);
      expect(await foundIds(provider, "after:2026-07-20")).toEqual([
        "manual-metallb-2026.10",
        "topic-volume",
      ]);
    },
  },
  {
    name: "leaves out documents matching a negated filter",
    run: async (provider) => {
      expect(await foundIds(provider, "type:post -tag:helm")).toEqual(["post-upgrade"]);
      expect(await foundIds(provider, "metallb -type:manual")).toEqual(["topic-bgp"]);
    },
  },
  {
    name: "tolerates a typo (kubeam finds kubeadm)",
    run: async (provider) => expect(await foundIds(provider, "kubeam")).toContain("post-upgrade"),
  },
  {
    name: "matches a word prefix (metal finds MetalLB)",
    run: async (provider) =>
      expect(await foundIds(provider, "metal")).toEqual(
        expect.arrayContaining(["topic-bgp", "manual-metallb-2026.04", "manual-metallb-2026.10"]),
      ),
  },
  {
    name: "lists every visible document for an empty query",
    run: async (provider) => expect(await foundIds(provider, "")).toEqual(sorted(PUBLIC_IDS)),
  },
  {
    name: "treats SQL and tsquery metacharacters as separators, never as syntax",
    run: async (provider) => {
      expect(await foundIds(provider, "kubeadm & | ! ( ) : * < > ' \\ stalls")).toEqual(["post-upgrade"]);
      const injection = await foundIds(provider, "'; DROP TABLE search_documents; -- \"");
      expect(PUBLIC_IDS).toEqual(expect.arrayContaining(injection));
      expect(await foundIds(provider, "!!! ::: <-> ''")).toEqual(sorted(PUBLIC_IDS));
    },
  },
];
