import type { ContentSyncer } from "./content-syncer.js";

/** Every content syncer, run in order by `npm run content:sync` and at hub start. A domain appends its own. */
export const CONTENT_SYNCERS: ContentSyncer[] = [];
