import type { MarkdownIt, Token } from "markdown-it";
import { tokenAttribute } from "./token-attribute.js";

/** What a link resolver answers: the hub URL to use, or that the target does not exist. */
export type ResolvedLink = { href: string } | { broken: true };

/** Rewrites a relative link (e.g. `../chapter/page.md#x` in a manual) into a hub URL, or reports it broken. */
export type LinkResolver = (href: string) => ResolvedLink;

/** What an image resolver answers: the URL to load, or that the asset does not exist. */
export type ResolvedImage = { src: string } | { broken: true };

/** Maps a relative image path (e.g. an asset under `content/`) to the URL the hub serves it from. */
export type ImageResolver = (src: string) => ResolvedImage;

/** Links found in a document, each once, in order of first appearance. */
export interface LinkReport {
  /** Relative links (after resolving): pages of the hub itself. In-page `#anchor` links are left out. */
  internal: string[];
  /** Absolute http(s) links, trusted hosts included. */
  external: string[];
  /** Relative links and images the resolvers reported as broken, as written in the source. */
  broken: string[];
}

/** Options of the link policy. */
export interface LinkPolicyOptions {
  /** Hosts of the alliance (`alliance.coop` also trusts `docs.alliance.coop`): their links carry no `rel`. */
  trustedHosts?: readonly string[];
  resolveLink?: LinkResolver;
  resolveImage?: ImageResolver;
}

/** The heading ids of the document being rendered, so `[see](#install)` can find the heading `h-install`. */
export interface InPageAnchors {
  ids: ReadonlySet<string>;
  prefix: string;
}

/** The `rel` given to links that leave the alliance: no ranking credit, user content, no window.opener. */
export const UNTRUSTED_REL = "nofollow ugc noopener";

const LINK_SCHEMES = ["http", "https", "mailto"];
const IMAGE_SCHEMES = ["http", "https"];
const SCHEME_PATTERN = /^([a-z][a-z0-9+.-]*):/i;
// Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so the check does too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** The lower-case scheme of a URL ("https"), or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  const match = SCHEME_PATTERN.exec(url.replace(IGNORED_BY_BROWSERS, ""));
  return match ? match[1].toLowerCase() : undefined;
}

/** True for protocol-relative URLs (`//host`, `\\host`), which browsers treat as absolute. */
function isProtocolRelative(url: string): boolean {
  return /^[\\/]{2}/.test(url.replace(IGNORED_BY_BROWSERS, ""));
}

/** True when a link target is http, https, mailto or relative; markdown-it drops any other link. */
export function isAllowedLinkUrl(url: string): boolean {
  if (isProtocolRelative(url)) return false;
  const scheme = urlScheme(url);
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

/** True when an image source is http, https or relative. */
export function isAllowedImageUrl(url: string): boolean {
  if (isProtocolRelative(url)) return false;
  const scheme = urlScheme(url);
  return scheme === undefined || IMAGE_SCHEMES.includes(scheme);
}

/** True when `hostname` is one of `trustedHosts` or a subdomain of one. */
export function isTrustedHost(hostname: string, trustedHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return trustedHosts.some((trusted) => {
    const candidate = trusted.toLowerCase();
    return host === candidate || host.endsWith(`.${candidate}`);
  });
}

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * markdown-it plugin: only http(s), mailto and relative URLs become links, and bare domains become links only
 * when they start with `www.` (linkify-it would otherwise turn `install.sh` or `README.md` into links to
 * Saint Helena and Moldova).
 */
export function linkPolicyPlugin(md: MarkdownIt): void {
  md.validateLink = isAllowedLinkUrl;
  // linkify-it 6 recognises no bare domains by default; `www.` ones are worth it, the filter below drops the rest.
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
  const match = md.linkify.match.bind(md.linkify);
  md.linkify.match = (text) =>
    (match(text) ?? []).filter(
      (link) => link.schema !== "//" && (link.schema !== "" || /^www\./i.test(link.text)),
    );
}

class UniqueList {
  readonly #seen = new Set<string>();
  add(value: string): void {
    this.#seen.add(value);
  }
  toArray(): string[] {
    return [...this.#seen];
  }
}

function markBroken(children: Token[], openIndex: number): void {
  const open = children[openIndex];
  open.tag = "span";
  open.attrs = [["class", "broken-link"]];
  let depth = 0;
  for (let index = openIndex + 1; index < children.length; index++) {
    const token = children[index];
    if (token.type === "link_open") depth++;
    if (token.type !== "link_close") continue;
    if (depth === 0) {
      token.tag = "span";
      return;
    }
    depth--;
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

// Authors write the slug they see in their editor (`#install`); the id carries the prefix (`h-install`).
function applyToAnchor(token: Token, href: string, anchors: InPageAnchors): void {
  const fragment = decodeFragment(href.slice(1));
  if (anchors.ids.has(fragment)) return;
  const prefixed = `${anchors.prefix}${fragment}`;
  if (anchors.ids.has(prefixed)) token.attrSet("href", `#${prefixed}`);
}

function applyToLink(
  children: Token[],
  index: number,
  options: LinkPolicyOptions,
  anchors: InPageAnchors,
  report: Reports,
): void {
  const token = children[index];
  const href = tokenAttribute(token, "href") ?? "";
  const scheme = urlScheme(href);
  if (scheme === "mailto") return;
  if (scheme !== undefined) {
    report.external.add(href);
    const hostname = hostnameOf(href);
    if (hostname === undefined || !isTrustedHost(hostname, options.trustedHosts ?? [])) {
      token.attrSet("rel", UNTRUSTED_REL);
    }
    return;
  }
  if (href.startsWith("#")) {
    applyToAnchor(token, href, anchors);
    return;
  }
  const resolved = options.resolveLink ? options.resolveLink(href) : { href };
  if ("broken" in resolved) {
    report.broken.add(href);
    markBroken(children, index);
    return;
  }
  token.attrSet("href", resolved.href);
  report.internal.add(resolved.href);
}

function replaceWithAltText(token: Token): void {
  token.type = "text";
  token.tag = "";
  token.attrs = null;
  token.children = null;
}

function applyToImage(token: Token, options: LinkPolicyOptions, report: Reports): void {
  const src = tokenAttribute(token, "src") ?? "";
  if (!isAllowedImageUrl(src)) {
    replaceWithAltText(token);
    return;
  }
  if (urlScheme(src) !== undefined || !options.resolveImage) return;
  const resolved = options.resolveImage(src);
  if ("broken" in resolved) {
    report.broken.add(src);
    replaceWithAltText(token);
    return;
  }
  token.attrSet("src", resolved.src);
}

interface Reports {
  internal: UniqueList;
  external: UniqueList;
  broken: UniqueList;
}

/**
 * Applies the link policy to parsed tokens in place and reports the links: `rel` on links leaving the alliance,
 * never a `target`; relative links and images go through the resolvers; broken ones become plain text;
 * in-page `#slug` links gain the heading id prefix when that is what they point at.
 */
export function applyLinkPolicy(
  tokens: readonly Token[],
  options: LinkPolicyOptions = {},
  anchors: InPageAnchors = { ids: new Set(), prefix: "" },
): LinkReport {
  const report: Reports = {
    internal: new UniqueList(),
    external: new UniqueList(),
    broken: new UniqueList(),
  };
  for (const block of tokens) {
    const children = block.children ?? [];
    children.forEach((token, index) => {
      if (token.type === "link_open") applyToLink(children, index, options, anchors, report);
      if (token.type === "image") applyToImage(token, options, report);
    });
  }
  return {
    internal: report.internal.toArray(),
    external: report.external.toArray(),
    broken: report.broken.toArray(),
  };
}
