import { describe, expect, it } from "vitest";
import { buildToc, slugifyHeading } from "./toc.js";

describe("Heading slugs", () => {
  it.each([
    ["Install kubeadm", "install-kubeadm"],
    ["  Étape   ÜBER  ", "etape-uber"],
    ["MetalLB: L2 vs. BGP?", "metallb-l2-vs-bgp"],
    ["日本語 見出し", "日本語-見出し"],
    ['x" onclick="y', "x-onclick-y"],
    ["???", "section"],
  ])("slugifies %j as %j", (text, slug) => {
    expect(slugifyHeading(text)).toBe(slug);
  });
});

describe("Table of contents", () => {
  const headings = [1, 2, 3, 4, 2].map((level, index) => ({ level, id: `h-${index}`, text: `${index}` }));

  it("keeps h2 and h3 by default", () => {
    expect(buildToc(headings).map((heading) => heading.id)).toEqual(["h-1", "h-2", "h-4"]);
  });

  it("keeps the levels asked for", () => {
    expect(buildToc(headings, [2]).map((heading) => heading.id)).toEqual(["h-1", "h-4"]);
  });
});
