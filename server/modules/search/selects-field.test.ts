import { buildSchema, execute, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selects-field.js";

const schema = buildSchema(
  `type Facets { tag: Int } type Results { total: Int facets: Facets } type Query { search: Results }`,
);

/** Runs `query` and reports whether the `search` resolver saw `facets` selected. */
function facetsSelected(query: string): boolean {
  let selected: boolean | undefined;
  execute({
    schema,
    document: parse(query),
    fieldResolver: (_source, _args, _context, info) => {
      if (info.fieldName === "search") selected = selectsField(info, "facets");
      return info.fieldName === "search" ? {} : null;
    },
  });
  if (selected === undefined) throw new Error("search was not resolved");
  return selected;
}

describe("selectsField", () => {
  it("sees a field selected directly, through an inline fragment or a named fragment", () => {
    expect(facetsSelected("{ search { total facets { tag } } }")).toBe(true);
    expect(facetsSelected("{ search { ... on Results { facets { tag } } } }")).toBe(true);
    expect(facetsSelected("{ search { ...F } } fragment F on Results { facets { tag } }")).toBe(true);
  });

  it("says no when the field is not selected, also through a fragment", () => {
    expect(facetsSelected("{ search { total } }")).toBe(false);
    expect(facetsSelected("{ search { ...F } } fragment F on Results { total }")).toBe(false);
  });
});
