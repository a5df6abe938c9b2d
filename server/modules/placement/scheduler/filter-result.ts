import type { FilterResult } from "./types.js";

/** The one "passed" answer, shared so that 20,000 candidates do not allocate 200,000 identical objects. */
export const PASS: FilterResult = Object.freeze({ ok: true });
