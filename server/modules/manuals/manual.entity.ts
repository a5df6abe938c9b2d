import { EntitySchema } from "typeorm";
import { createdAtColumn, updatedAtColumn, uuidPrimary } from "../../db/column-types.js";

/** A stack manual (e.g. "cooby-stack"): a set of releases, each a tree of chapters and pages. */
export interface Manual {
  id: string;
  slug: string;
  title: string;
  summary: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ManualEntity = new EntitySchema<Manual>({
  name: "Manual",
  tableName: "manual",
  columns: {
    id: uuidPrimary,
    slug: { type: "text" },
    title: { type: "text" },
    summary: { type: "text", default: "" },
    createdAt: createdAtColumn,
    updatedAt: updatedAtColumn,
  },
  uniques: [{ name: "manual_slug_key", columns: ["slug"] }],
});
