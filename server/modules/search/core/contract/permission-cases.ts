import { expect } from "vitest";
import { parseSearchQuery } from "../query-parser.js";
import { CONTRACT_VIEWERS, PUBLIC_IDS, SIGNED_IN_DOCUMENT } from "./fixtures.js";
import { foundIds, nonZero, searchPage, sorted } from "./contract-helpers.js";
import type { SearchProviderContractCase } from "./contract-case.js";

const { anonymous, northMember, southMember, moderator, steward } = CONTRACT_VIEWERS;

/** Hidden documents never show up, and never count. */
export const PERMISSION_CASES: SearchProviderContractCase[] = [
  {
    name: "shows each viewer exactly the documents they may see",
    run: async (provider) => {
      expect(await foundIds(provider, "", anonymous)).toEqual(sorted(PUBLIC_IDS));
      expect(await foundIds(provider, "", northMember)).toEqual(
        sorted([...PUBLIC_IDS, "post-north-private"]),
      );
      expect(await foundIds(provider, "", southMember)).toEqual(
        sorted([...PUBLIC_IDS, "cluster-south-edge"]),
      );
      expect(await foundIds(provider, "", moderator)).toEqual(sorted([...PUBLIC_IDS, "post-flagged"]));
      expect(await foundIds(provider, "", steward)).toEqual(sorted([...PUBLIC_IDS, "post-flagged"]));
    },
  },
  {
    name: "never returns a hidden document, even when the query names it exactly",
    run: async (provider) => {
      expect(await foundIds(provider, '"maintenance window"', anonymous)).toEqual([]);
      expect(await foundIds(provider, '"maintenance window"', southMember)).toEqual([]);
      expect(await foundIds(provider, "south-edge-01 type:cluster", northMember)).toEqual([]);
      expect(await foundIds(provider, "south-edge-01 type:cluster", southMember)).toEqual([
        "cluster-south-edge",
      ]);
      expect(await foundIds(provider, "tag:flagged", northMember)).toEqual([]);
      expect(await foundIds(provider, "tag:flagged", moderator)).toEqual(["post-flagged"]);
    },
  },
  {
    name: "counts only visible documents in totals and facets",
    run: async (provider) => {
      const outsider = await searchPage(provider, "kubeadm", anonymous);
      expect(outsider.totalCount).toBe(1);
      expect(nonZero(outsider.facets.type)).toEqual({ post: 1 });
      expect(nonZero(outsider.facets.tag)).toEqual({ kubeadm: 1, upgrade: 1 });
      expect(nonZero(outsider.facets.cooperative)).toEqual({ north: 1 });

      const member = await searchPage(provider, "kubeadm", northMember);
      expect(member.totalCount).toBe(2);
      expect(nonZero(member.facets.tag)).toEqual({ kubeadm: 1, upgrade: 1, "internal-schedule": 1 });
      expect(nonZero(member.facets.category)).toEqual({ "day-two": 2 });
    },
  },
  {
    name: "computes facets over the whole result set, not just the page",
    run: async (provider) => {
      const page = await provider.search(parseSearchQuery(""), anonymous, { first: 1 });
      expect(page.hits).toHaveLength(1);
      expect(page.totalCount).toBe(PUBLIC_IDS.length);
      expect(nonZero(page.facets.type)).toEqual({ post: 2, topic: 2, manual_page: 2, blueprint: 1 });
      expect(nonZero(page.facets.release)).toEqual({ "2026.04": 1, "2026.10": 1 });
      expect(nonZero(page.facets.cooperative)).toEqual({ north: 2, south: 2 });
      expect(nonZero(page.facets.category)).toEqual({ "day-two": 1, networking: 1, storage: 1 });
      expect(nonZero(page.facets.tag)).toEqual({
        kubeadm: 1,
        upgrade: 1,
        metallb: 1,
        bgp: 1,
        openebs: 1,
        odoo: 1,
        helm: 2,
      });
    },
  },
  {
    name: "shows signed-in-only documents to every signed-in person, never to anonymous visitors",
    run: async (provider) => {
      await provider.index([SIGNED_IN_DOCUMENT]);
      expect(await foundIds(provider, "longhorn", anonymous)).toEqual([]);
      const anonymousPage = await searchPage(provider, "", anonymous);
      expect(anonymousPage.totalCount).toBe(PUBLIC_IDS.length);
      expect(nonZero(anonymousPage.facets.type).cluster).toBeUndefined();
      for (const viewer of [northMember, southMember, moderator, steward]) {
        expect(await foundIds(provider, "longhorn", viewer)).toEqual([SIGNED_IN_DOCUMENT.id]);
      }
      const signedInPage = await searchPage(provider, "type:cluster", southMember);
      expect(signedInPage.hits.map((hit) => hit.id).sort()).toEqual(
        sorted(["cluster-south-edge", SIGNED_IN_DOCUMENT.id]),
      );
      expect(nonZero(signedInPage.facets.type)).toEqual({ cluster: 2 });
    },
  },
];
