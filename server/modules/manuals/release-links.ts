import { posix } from "node:path";
import type { ImageResolver, LinkResolver } from "../../markdown/index.js";

/** The hub URL of a page: `/manuals/<manual>/<release>/<chapter>[/<page>]` (a chapter's index page has no page part). */
export function pageUrl(manualSlug: string, releaseName: string, pagePath: string): string {
  return `/manuals/${manualSlug}/${releaseName}/${pagePath}`;
}

/** A page's path inside its release: `chapter` for the chapter's index page, else `chapter/page`. */
export function pagePath(chapterSlug: string, pageSlug: string): string {
  return pageSlug === "index" ? chapterSlug : `${chapterSlug}/${pageSlug}`;
}

/** A cross-page link with a fragment, checked against the target's headings once every page is rendered. */
export interface AnchorReference {
  href: string;
  targetFile: string;
  fragment: string;
}

/**
 * The pages and assets of one release, keyed by their file path in the release's folder (`05-metallb/layer2.md`),
 * so relative links resolve inside the release being read and never leak into another one.
 */
export class ReleaseLinks {
  constructor(
    readonly manualSlug: string,
    readonly releaseName: string,
    /** Page file (`<chapter directory>/<slug>.md`) → page path (`chapter/page`). */
    readonly pages: ReadonlyMap<string, string>,
    /** Asset files (images) of the release, relative to its folder. */
    readonly assets: ReadonlySet<string> = new Set(),
  ) {}

  /** Resolvers for a document in `directory` (a chapter directory), recording fragment links for a later check. */
  resolversFor(directory: string): {
    resolveLink: LinkResolver;
    resolveImage: ImageResolver;
    anchors: AnchorReference[];
  } {
    const anchors: AnchorReference[] = [];
    const resolveLink: LinkResolver = (href) => {
      const hashAt = href.indexOf("#");
      const target = hashAt < 0 ? href : href.slice(0, hashAt);
      const fragment = hashAt < 0 ? "" : href.slice(hashAt + 1);
      const file = this.normalise(directory, target);
      const path = file === undefined ? undefined : this.pages.get(file);
      if (file === undefined || path === undefined) return { broken: true };
      if (fragment) anchors.push({ href, targetFile: file, fragment });
      const url = pageUrl(this.manualSlug, this.releaseName, path);
      return { href: fragment ? `${url}#h-${fragment}` : url };
    };
    const resolveImage: ImageResolver = (src) => {
      const file = this.normalise(directory, src.split(/[?#]/)[0] ?? "");
      if (file === undefined || !this.assets.has(file)) return { broken: true };
      return { src: `/manual-assets/${this.manualSlug}/${this.releaseName}/${file}` };
    };
    return { resolveLink, resolveImage, anchors };
  }

  /** The release-relative file a relative reference points at, or undefined when it leaves the release. */
  private normalise(directory: string, reference: string): string | undefined {
    if (reference === "" || reference.startsWith("/")) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(reference);
    } catch {
      return undefined;
    }
    const joined = posix.normalize(posix.join(directory, decoded));
    if (joined.startsWith("../") || joined === ".." || joined.startsWith("/")) return undefined;
    return joined.endsWith("/") ? `${joined}index.md` : joined;
  }
}
