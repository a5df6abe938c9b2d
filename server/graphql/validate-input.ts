import type { z } from "zod";
import { badUserInput } from "../errors.js";

/**
 * Validates a mutation input with a zod schema. Failures become one BAD_USER_INPUT listing every field
 * (`input.slug`, ...), so forms can show all problems at once.
 */
export function validateInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: ["input", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ");
  throw badUserInput(`Invalid input: ${summary}`, problems);
}
