/** One entry of a page's table of contents. */
export interface ManualTocEntry {
  level: number;
  id: string;
  text: string;
}

/** A page as the sidebar lists it. */
export interface ManualSidebarPage {
  id: string;
  slug: string;
  path: string;
  url: string;
  title: string;
}

export interface ManualSidebarChapter {
  id: string;
  slug: string;
  title: string;
  summary: string;
  pages: ManualSidebarPage[];
}

/** A release with what the layout around every page needs: banner, switcher entries and sidebar. */
export interface ManualReleaseView {
  id: string;
  name: string;
  title: string;
  status: string;
  banner: string | null;
  url: string;
  versions: Array<{ component: string; version: string }>;
  chapters: ManualSidebarChapter[];
}

export interface ManualView {
  id: string;
  slug: string;
  title: string;
  summary: string;
  viewerCanMaintain: boolean;
  releases: Array<{ name: string; status: string }>;
}

export interface ManualPageView {
  id: string;
  slug: string;
  path: string;
  url: string;
  title: string;
  summary: string;
  archived: boolean;
  html: string;
  markdown: string;
  toc: ManualTocEntry[];
  chapter: { id: string; title: string };
  currentRevision: {
    id: string;
    number: number;
    createdAt: string;
    author: { handle: string } | null;
  } | null;
  openProposals: Array<{ id: string; title: string; author: { handle: string } | null }>;
  backlinks: Array<{ id: string; title: string; path: string }>;
  viewerFeedback: { helpful: boolean } | null;
  feedbackSummary: { helpful: number; notHelpful: number } | null;
}

const RELEASE_FIELDS = `id name title status banner url versions { component version }
  chapters { id slug title summary pages { id slug path url title } }`;

/** The layout data of a release (the current one without a name). */
export const MANUAL_RELEASE_QUERY = `query ManualRelease($manual: String!, $release: String) {
  manual(slug: $manual) { id slug title summary viewerCanMaintain releases { name status }
    release(name: $release) { ${RELEASE_FIELDS} } }
}`;

/** A page with its release layout. */
export const MANUAL_PAGE_QUERY = `query ManualPage($manual: String!, $release: String!, $path: String!) {
  manual(slug: $manual) { id slug title summary viewerCanMaintain releases { name status }
    release(name: $release) { ${RELEASE_FIELDS}
      page(path: $path) { id slug path url title summary archived html markdown toc { level id text }
        chapter { id title }
        currentRevision { id number createdAt author { handle } }
        openProposals { id title author { handle } }
        backlinks { id title path }
        viewerFeedback { helpful }
        feedbackSummary { helpful notHelpful } } } }
}`;

/** Human names of release statuses. */
export const RELEASE_STATUS_LABELS: Record<string, string> = {
  CURRENT: "Current",
  MAINTAINED: "Maintained",
  UNMAINTAINED: "Unmaintained",
  UNRELEASED: "Unreleased",
};
