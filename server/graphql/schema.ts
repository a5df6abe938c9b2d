import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { apiTokenResolvers } from "../modules/api-tokens/api-tokens.resolvers.js";
import { auditResolvers } from "../modules/audit/audit.resolvers.js";
import { FORUM_RESOLVERS } from "../modules/forum/forum.resolvers.js";
import { CLUSTER_RESOLVERS } from "../modules/clusters/index.js";
import { OFFER_RESOLVERS } from "../modules/offers/index.js";
import { cooperativeResolvers } from "../modules/cooperatives/cooperatives.resolvers.js";
import { memberResolvers } from "../modules/cooperatives/members.resolvers.js";
import { peopleResolvers } from "../modules/people/people.resolvers.js";
import { searchResolvers } from "../modules/search/search.resolvers.js";
import { blueprintMutationResolvers } from "../modules/blueprints/api/blueprint-mutations.resolvers.js";
import { blueprintQueryResolvers } from "../modules/blueprints/api/blueprint-queries.resolvers.js";
import { blueprintTypeResolvers } from "../modules/blueprints/api/blueprint-types.resolvers.js";
import { MANUAL_RESOLVERS } from "../modules/manuals/manual-resolvers.js";
import { placementMutationResolvers } from "../modules/placement/placement-mutations.resolvers.js";
import { placementWriteTypeResolvers } from "../modules/placement/placement-write-types.resolvers.js";
import type { Resolvers } from "./generated/resolvers-types.js";
import { rootResolvers } from "./node.resolvers.js";

/** The SDL files, schema-first: `schema/*.graphql` is the source of truth for the API and the generated types. */
export const SCHEMA_DIRECTORY = fileURLToPath(new URL("../../schema/", import.meta.url));

export function readTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIRECTORY)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readFileSync(join(SCHEMA_DIRECTORY, file), "utf8"));
}

/** Every module's resolvers; a module adds itself here when it lands. */
const RESOLVERS: Resolvers[] = [
  rootResolvers,
  peopleResolvers,
  apiTokenResolvers,
  cooperativeResolvers,
  memberResolvers,
  auditResolvers,
  ...FORUM_RESOLVERS,
  ...CLUSTER_RESOLVERS,
  ...OFFER_RESOLVERS,
  searchResolvers,
  blueprintQueryResolvers,
  blueprintMutationResolvers,
  blueprintTypeResolvers,
  ...MANUAL_RESOLVERS,
  placementMutationResolvers,
  placementWriteTypeResolvers,
];

export function buildHubSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: RESOLVERS,
    inheritResolversFromInterfaces: true,
  });
}
