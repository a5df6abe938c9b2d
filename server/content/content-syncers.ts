import type { ContentSyncer } from "./content-syncer.js";
import { blueprintContentSyncer } from "../modules/blueprints/publishing/blueprint-content-syncer.js";
import { manualContentSyncer } from "../modules/manuals/manual-content-syncer.js";

/** Every content syncer, run in order by `npm run content:sync` and at hub start. A domain appends its own. */
export const CONTENT_SYNCERS: ContentSyncer[] = [blueprintContentSyncer, manualContentSyncer];
