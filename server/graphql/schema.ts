import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { apiTokenResolvers } from "../modules/api-tokens/api-tokens.resolvers.js";
import { auditResolvers } from "../modules/audit/audit.resolvers.js";
import { cooperativeResolvers } from "../modules/cooperatives/cooperatives.resolvers.js";
import { memberResolvers } from "../modules/cooperatives/members.resolvers.js";
import { peopleResolvers } from "../modules/people/people.resolvers.js";
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
];

export function buildHubSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: RESOLVERS as never,
    inheritResolversFromInterfaces: true,
  });
}
