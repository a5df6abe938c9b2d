import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { queryLimitsRule } from "./query-limits.js";

const schema = buildSchema(`
  type Item { name: String, children(first: Int): [Item] }
  type Query { items(first: Int): [Item], item: Item }
`);
const limits = { maxDepth: 4, maxAliases: 3, maxCost: 500 };

function codes(query: string) {
  return validate(schema, parse(query), [queryLimitsRule(limits)]).map((error) => error.extensions.code);
}

describe("Query limits", () => {
  it("accepts an ordinary query", () => {
    expect(codes("{ items(first: 10) { name children(first: 5) { name } } }")).toEqual([]);
  });

  it.each([
    ["too deep", "{ item { children { children { children { children { name } } } } } }"],
    ["too many aliases", "{ a: item { name } b: item { name } c: item { name } d: item { name } }"],
    ["too costly", "{ items(first: 100) { children(first: 100) { name } } }"],
    [
      "too deep through fragments",
      "{ item { ...F } } fragment F on Item { children { children { children { children { name } } } } }",
    ],
  ])("rejects a query that is %s with QUERY_TOO_COMPLEX", (_label, query) => {
    expect(codes(query)).toContain("QUERY_TOO_COMPLEX");
  });
});
