import type { ForumPostRevision } from "./forum-post-revision.entity.js";

/** A revision as the API shows it: with the markdown of the version before, to diff against. */
export interface ForumRevisionView extends ForumPostRevision {
  previousMarkdown: string | null;
}
