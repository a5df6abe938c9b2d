import { describe, expect, it } from "vitest";
import { pagePath, pageUrl, ReleaseLinks } from "./release-links.js";

const links = new ReleaseLinks(
  "cooby-stack",
  "2026.11",
  new Map([
    ["05-metallb/index.md", pagePath("metallb", "index")],
    ["05-metallb/layer2.md", pagePath("metallb", "layer2")],
    ["02-planning/hardware.md", pagePath("planning", "hardware")],
  ]),
  new Set(["05-metallb/images/arp.png"]),
);

describe("links inside a release", () => {
  it("resolves relative page links to stable URLs with prefixed anchors", () => {
    const { resolveLink, anchors } = links.resolversFor("05-metallb");
    expect(resolveLink("layer2.md")).toEqual({ href: "/manuals/cooby-stack/2026.11/metallb/layer2" });
    expect(resolveLink("./index.md")).toEqual({ href: "/manuals/cooby-stack/2026.11/metallb" });
    expect(resolveLink("../02-planning/hardware.md#disks")).toEqual({
      href: "/manuals/cooby-stack/2026.11/planning/hardware#h-disks",
    });
    expect(anchors).toEqual([
      { href: "../02-planning/hardware.md#disks", targetFile: "02-planning/hardware.md", fragment: "disks" },
    ]);
  });

  it("reports links to missing pages and links that leave the release as broken", () => {
    const { resolveLink } = links.resolversFor("05-metallb");
    expect(resolveLink("bgp.md")).toEqual({ broken: true });
    expect(resolveLink("../../2025.05/05-metallb/layer2.md")).toEqual({ broken: true });
    expect(resolveLink("%E0%A4%A.md")).toEqual({ broken: true });
  });

  it("resolves images that exist in the release", () => {
    const { resolveImage } = links.resolversFor("05-metallb");
    expect(resolveImage("images/arp.png")).toEqual({
      src: "/manual-assets/cooby-stack/2026.11/05-metallb/images/arp.png",
    });
    expect(resolveImage("images/missing.png")).toEqual({ broken: true });
  });

  it("builds page URLs without a page part for a chapter's index", () => {
    expect(pageUrl("m", "1.0", pagePath("start", "index"))).toBe("/manuals/m/1.0/start");
    expect(pageUrl("m", "1.0", pagePath("start", "install"))).toBe("/manuals/m/1.0/start/install");
  });
});
