import { CreateFoundation1764057600000 } from "./1764057600000-CreateFoundation.js";
import { CreateMemberClusters1764061200000 } from "./1764061200000-CreateMemberClusters.js";
import { CreateSearchIndex1764075600000 } from "./1764075600000-CreateSearchIndex.js";
import { CreateManuals1764064800000 } from "./1764064800000-CreateManuals.js";
import { CreateBlueprints1764068400000 } from "./1764068400000-CreateBlueprints.js";
import { CreateForum1764072000000 } from "./1764072000000-CreateForum.js";
import { IndexVisibleForumTopicsByCategory1764550000000 } from "./1764550000000-IndexVisibleForumTopicsByCategory.js";

/** Every migration, in order. New migrations are appended; landed ones are never rewritten. */
export const MIGRATIONS = [
  CreateFoundation1764057600000,
  CreateManuals1764064800000,
  CreateBlueprints1764068400000,
  CreateForum1764072000000,
  CreateSearchIndex1764075600000,
  CreateMemberClusters1764061200000,
  IndexVisibleForumTopicsByCategory1764550000000,
];
