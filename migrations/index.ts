import { CreateFoundation1764057600000 } from "./1764057600000-CreateFoundation.js";

/** Every migration, in order. New migrations are appended; landed ones are never rewritten. */
export const MIGRATIONS = [CreateFoundation1764057600000];
