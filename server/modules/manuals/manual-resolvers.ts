import type { Resolvers } from "../../graphql/generated/resolvers-types.js";
import { manualEditingResolvers } from "./manual-editing.resolvers.js";
import { manualMaintainerResolvers } from "./manual-maintainers.resolvers.js";
import { manualProposalResolvers } from "./manual-proposals.resolvers.js";
import { manualResolvers } from "./manuals.resolvers.js";

/** Every resolver map of the manuals module, registered once in `server/graphql/schema.ts`. */
export const MANUAL_RESOLVERS: Resolvers[] = [
  manualResolvers,
  manualProposalResolvers,
  manualEditingResolvers,
  manualMaintainerResolvers,
];
