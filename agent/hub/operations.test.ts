import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as operations from "./operations.js";

const SCHEMA_DIRECTORY = fileURLToPath(new URL("../../schema", import.meta.url));

describe("Agent operations", () => {
  it("are valid against the hub's GraphQL schema (the contract the agent shares with the hub)", () => {
    const sdl = readdirSync(SCHEMA_DIRECTORY)
      .filter((file) => file.endsWith(".graphql"))
      .map((file) => readFileSync(join(SCHEMA_DIRECTORY, file), "utf8"))
      .join("\n");
    const schema = buildSchema(sdl);
    const documents = Object.entries(operations).filter(([, value]) => typeof value === "string");
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining(["AGENT_WORK", "REPORT_WORK_STATUS", "RENEW_LEASE"]),
    );
    for (const [name, document] of documents)
      expect({
        name,
        errors: validate(schema, parse(document as string)).map((error) => error.message),
      }).toEqual({
        name,
        errors: [],
      });
  });
});
