import { CreateFoundation1764057600000 } from "./1764057600000-CreateFoundation.js";
import { CreateMemberClusters1764061200000 } from "./1764061200000-CreateMemberClusters.js";
import { CreateSearchIndex1764075600000 } from "./1764075600000-CreateSearchIndex.js";
import { CreateManuals1764064800000 } from "./1764064800000-CreateManuals.js";
import { CreateBlueprints1764068400000 } from "./1764068400000-CreateBlueprints.js";
import { CreateForum1764072000000 } from "./1764072000000-CreateForum.js";
import { CreateClusterRunningBlueprints1764500000000 } from "./1764500000000-CreateClusterRunningBlueprints.js";
import { AddManualReleaseAssets1764510000000 } from "./1764510000000-AddManualReleaseAssets.js";
import { SpeedUpSearch1764520000000 } from "./1764520000000-SpeedUpSearch.js";
import { AddForumModerationTools1764540000000 } from "./1764540000000-AddForumModerationTools.js";
import { CreateForumWatchingAndMail1764530000000 } from "./1764530000000-CreateForumWatchingAndMail.js";
import { IndexVisibleForumTopicsByCategory1764550000000 } from "./1764550000000-IndexVisibleForumTopicsByCategory.js";
import { CreateCapacityOffers1764580000000 } from "./1764580000000-CreateCapacityOffers.js";
import { FanOutForumPostsAfterCommit1764570000000 } from "./1764570000000-FanOutForumPostsAfterCommit.js";
import { AddManualContentGeneration1764597000000 } from "./1764597000000-AddManualContentGeneration.js";
import { CreatePlacements1764600000000 } from "./1764600000000-CreatePlacements.js";
import { IndexFailoverDecisions1764625000000 } from "./1764625000000-IndexFailoverDecisions.js";
import { PackDecisionExplanations1764660000000 } from "./1764660000000-PackDecisionExplanations.js";

/** Every migration, in order. New migrations are appended; landed ones are never rewritten. */
export const MIGRATIONS = [
  CreateFoundation1764057600000,
  CreateManuals1764064800000,
  CreateBlueprints1764068400000,
  CreateForum1764072000000,
  CreateSearchIndex1764075600000,
  CreateMemberClusters1764061200000,
  CreateClusterRunningBlueprints1764500000000,
  AddManualReleaseAssets1764510000000,
  SpeedUpSearch1764520000000,
  CreateForumWatchingAndMail1764530000000,
  AddForumModerationTools1764540000000,
  IndexVisibleForumTopicsByCategory1764550000000,
  FanOutForumPostsAfterCommit1764570000000,
  CreateCapacityOffers1764580000000,
  AddManualContentGeneration1764597000000,
  CreatePlacements1764600000000,
  IndexFailoverDecisions1764625000000,
  PackDecisionExplanations1764660000000,
];
