import { EntitySchema } from "typeorm";

/** A fixed-window counter shared by every hub process through the database. */
export interface RateLimitBucket {
  key: string;
  windowStart: Date;
  hits: number;
}

export const RateLimitBucketEntity = new EntitySchema<RateLimitBucket>({
  name: "RateLimitBucket",
  tableName: "rate_limit_bucket",
  columns: {
    key: { type: "text", primary: true },
    windowStart: { type: "timestamptz", name: "window_start", primary: true },
    hits: { type: "integer" },
  },
  indices: [{ name: "rate_limit_bucket_window_idx", columns: ["windowStart"] }],
});
