import { describe, expect, it } from "vitest";
import { errorWithCode, fieldProblems, type GraphqlError } from "./graphql.js";

describe("fieldProblems", () => {
  it("keys every listed problem by its field name without the input prefix", () => {
    const errors: GraphqlError[] = [
      {
        message: "Invalid input",
        extensions: {
          code: "BAD_USER_INPUT",
          problems: [
            { field: "input.slug", message: "bad slug" },
            { field: "input.country", message: "bad country" },
            { field: "input.slug", message: "second slug message" },
          ],
        },
      },
    ];
    expect(fieldProblems(errors)).toEqual({ slug: "bad slug", country: "bad country" });
  });

  it("places an error with a single field (such as a taken slug) next to that field", () => {
    const errors: GraphqlError[] = [
      { message: "The slug is taken", extensions: { code: "CONFLICT", field: "input.slug" } },
    ];
    expect(fieldProblems(errors)).toEqual({ slug: "The slug is taken" });
  });

  it("answers nothing for errors that name no field", () => {
    expect(fieldProblems([{ message: "Sign in first", extensions: { code: "UNAUTHENTICATED" } }])).toEqual(
      {},
    );
  });
});

describe("errorWithCode", () => {
  it("finds the error with the code, and nothing otherwise", () => {
    const stepUp: GraphqlError = {
      message: "m",
      extensions: { code: "STEP_UP_REQUIRED", stepUpUrl: "/auth/login?stepUp=1" },
    };
    expect(errorWithCode([{ message: "x" }, stepUp], "STEP_UP_REQUIRED")).toBe(stepUp);
    expect(errorWithCode([stepUp], "FORBIDDEN")).toBeUndefined();
  });
});
