import { describe, expect, it } from "vitest";
import { isAllowedImageUrl, isAllowedLinkUrl, isTrustedHost, UNTRUSTED_REL } from "./link-policy.js";
import { type RenderedMarkdown, type RenderMarkdownOptions, renderMarkdown } from "./render-markdown.js";

function render(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const result = renderMarkdown(source, options);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const TRUSTED = { trustedHosts: ["alliance.coop"] };

describe("Link policy: rel and target", () => {
  it.each([
    [
      "an external link",
      "[x](https://example.org)",
      `<a href="https://example.org" rel="${UNTRUSTED_REL}">x</a>`,
    ],
    ["a linkified URL", "https://example.org", `<a href="https://example.org" rel="${UNTRUSTED_REL}">`],
    ["an autolink", "<https://example.org>", `<a href="https://example.org" rel="${UNTRUSTED_REL}">`],
    ["a trusted host", "[x](https://alliance.coop/a)", '<a href="https://alliance.coop/a">x</a>'],
    [
      "a subdomain of a trusted host",
      "[x](https://docs.alliance.coop)",
      '<a href="https://docs.alliance.coop">x</a>',
    ],
    ["a look-alike of a trusted host", "[x](https://evilalliance.coop)", `rel="${UNTRUSTED_REL}"`],
    [
      "a trusted host as a subdomain elsewhere",
      "[x](https://alliance.coop.evil.org)",
      `rel="${UNTRUSTED_REL}"`,
    ],
    ["a relative link", "[x](/forum/t/1)", '<a href="/forum/t/1">x</a>'],
    ["an in-page anchor", "[x](#h-install)", '<a href="#h-install">x</a>'],
    ["a mailto link", "[x](mailto:ada@example.org)", '<a href="mailto:ada@example.org">x</a>'],
  ])("renders %s", (_case, source, expected) => {
    expect(render(source, TRUSTED).html).toContain(expected);
  });

  it("never sets a target", () => {
    expect(render("[x](https://example.org) [y](https://alliance.coop) [z](/a)", TRUSTED).html).not.toContain(
      "target",
    );
  });
});

describe("Link policy: report", () => {
  it("lists internal and external links once each, in order", () => {
    const source =
      "[a](/b) [c](https://x.org) [d](/b) [e](https://alliance.coop/f) [g](#h) [i](mailto:j@k.org)";
    expect(render(source, TRUSTED).links).toEqual({
      internal: ["/b"],
      external: ["https://x.org", "https://alliance.coop/f"],
      broken: [],
    });
  });

  it("rewrites relative links with resolveLink and reports broken ones", () => {
    const pages: Record<string, string> = {
      "../install/kubeadm.md#join": "/manuals/stack/2026.11/install/kubeadm#h-join",
    };
    const result = render("[join](../install/kubeadm.md#join) and [gone](../old.md)", {
      resolveLink: (href) => (href in pages ? { href: pages[href] } : { broken: true }),
    });
    expect(result.html).toBe(
      '<p><a href="/manuals/stack/2026.11/install/kubeadm#h-join">join</a> and <span class="broken-link">gone</span></p>\n',
    );
    expect(result.links).toEqual({
      internal: ["/manuals/stack/2026.11/install/kubeadm#h-join"],
      external: [],
      broken: ["../old.md"],
    });
  });

  it("does not pass absolute links or anchors to resolveLink", () => {
    const seen: string[] = [];
    render("[a](https://x.org) [b](#c) [d](e.md)", {
      resolveLink: (href) => {
        seen.push(href);
        return { href };
      },
    });
    expect(seen).toEqual(["e.md"]);
  });
});

describe("Link policy: in-page anchors", () => {
  it.each([
    ["the slug as the author sees it", "[go](#install-kubeadm)", '<a href="#h-install-kubeadm">go</a>'],
    ["the full id", "[go](#h-install-kubeadm)", '<a href="#h-install-kubeadm">go</a>'],
    ["a non-ASCII slug", "[go](#見出し)", '<a href="#h-見出し">go</a>'],
    ["an anchor with no heading", "[go](#post-12)", '<a href="#post-12">go</a>'],
  ])("links %s to the heading", (_case, link, expected) => {
    expect(render(`## Install kubeadm\n\n## 見出し\n\n${link}`).html).toContain(expected);
  });

  it("uses the idPrefix option", () => {
    expect(render("## Setup\n\n[go](#setup)", { idPrefix: "doc-" }).html).toContain(
      '<a href="#doc-setup">go</a>',
    );
  });
});

describe("Link policy: images", () => {
  it.each([
    ["an https image", "![a](https://x.org/a.png)", '<img src="https://x.org/a.png" alt="a" />'],
    ["a relative image", "![a](img/a.png)", '<img src="img/a.png" alt="a" />'],
    ["a data image as text", "![a](data:image/png;base64,AAAA)", "<p>![a](data:image/png;base64,AAAA)</p>"],
    ["a mailto image as its alt text", "![a b](mailto:x@y.org)", "<p>a b</p>"],
  ])("renders %s", (_case, source, expected) => {
    expect(render(source).html).toContain(expected);
  });

  it("maps relative images with resolveImage and reports missing ones", () => {
    const result = render("![ok](diagram.png) ![lost](missing.png) ![abs](https://x.org/a.png)", {
      resolveImage: (src) =>
        src === "diagram.png" ? { src: "/content/assets/diagram.png" } : { broken: true },
    });
    expect(result.html).toBe(
      '<p><img src="/content/assets/diagram.png" alt="ok" /> lost <img src="https://x.org/a.png" alt="abs" /></p>\n',
    );
    expect(result.links.broken).toEqual(["missing.png"]);
  });
});

describe("URL checks", () => {
  it.each([
    ["https://x.org", true, true],
    ["HTTP://x.org", true, true],
    ["mailto:a@b.org", true, false],
    ["/relative", true, true],
    ["page.md#x", true, true],
    ["javascript:alert(1)", false, false],
    [" JavaScript:alert(1)", false, false],
    ["java\tscript:alert(1)", false, false],
    ["vbscript:x", false, false],
    ["data:image/png;base64,AA", false, false],
    ["//evil.org", false, false],
    ["\\\\evil.org", false, false],
    ["ftp://x.org", false, false],
  ])("%j: link %s, image %s", (url, link, image) => {
    expect(isAllowedLinkUrl(url)).toBe(link);
    expect(isAllowedImageUrl(url)).toBe(image);
  });

  it.each([
    ["alliance.coop", true],
    ["DOCS.Alliance.coop", true],
    ["notalliance.coop", false],
    ["alliance.coop.evil.org", false],
  ])("treats host %s as trusted: %s", (host, trusted) => {
    expect(isTrustedHost(host, ["alliance.coop"])).toBe(trusted);
  });
});
