import type { PageFrontMatter } from "./front-matter.js";
import type { ComponentVersion, ReleaseStatus } from "./manual-release.entity.js";

/** A maintainer as `manual.yaml` names it: a cooperative slug or a person handle. */
export type MaintainerReference = { cooperative: string } | { person: string };

/** One page file of a release folder, parsed but not yet rendered. */
export interface ContentPage {
  slug: string;
  /** Path inside the release folder: `05-load-balancing-metallb/layer2.md`. */
  file: string;
  /** Path inside `content/`, for problem reports. */
  contentPath: string;
  frontMatter: PageFrontMatter;
  body: string;
  bodyStartLine: number;
  /** SHA-256 of the whole file: an unchanged hash means no new revision. */
  hash: string;
}

export interface ContentChapter {
  slug: string;
  directory: string;
  /** From the chapter's `index.md`, which is also its first page. */
  frontMatter: PageFrontMatter;
  pages: ContentPage[];
}

export interface ContentRelease {
  name: string;
  title: string;
  status: ReleaseStatus;
  versions: ComponentVersion[];
  /** SHA-256 of `release.yaml`: its values are applied only when it changed, so statuses set in the hub stay. */
  hash: string;
  chapters: ContentChapter[];
  /** Non-Markdown files (images) inside the release folder. */
  assets: Set<string>;
}

export interface ContentManual {
  slug: string;
  title: string;
  summary: string;
  maintainers: MaintainerReference[];
  releases: ContentRelease[];
}
