import type { TemplatePosition } from "./template-error.js";

/** Roots a path may start from; nothing else is reachable from a template. */
export const PATH_ROOTS = ["values", "blueprint", "this", "@index", "@key", "@first", "@last"] as const;

/** One of {@link PATH_ROOTS}. */
export type PathRoot = (typeof PATH_ROOTS)[number];

/** A dotted lookup such as `values.pools.0.name` or `this.name`. */
export interface PathExpression {
  type: "path";
  root: PathRoot;
  segments: Array<string | number>;
  text: string;
}

/** A JSON scalar written in the template: `"text"`, `3`, `true`, `null`. */
export interface LiteralExpression {
  type: "literal";
  value: string | number | boolean | null;
}

/** What an output tag or filter argument evaluates. */
export type Expression = PathExpression | LiteralExpression;

/** One `| name arg ...` step of an output tag. */
export interface FilterCall {
  name: string;
  args: LiteralExpression[];
  position: TemplatePosition;
}

/** A node of a parsed template. */
export type TemplateNode =
  | { type: "text"; value: string }
  | { type: "output"; expression: Expression; filters: FilterCall[]; position: TemplatePosition }
  | {
      type: "if";
      negate: boolean;
      condition: PathExpression;
      whenTrue: TemplateNode[];
      whenFalse: TemplateNode[];
      position: TemplatePosition;
    }
  | {
      type: "each";
      list: PathExpression;
      body: TemplateNode[];
      otherwise: TemplateNode[];
      position: TemplatePosition;
    };

/** A parsed template, ready to render many times. */
export interface CompiledTemplate {
  file: string;
  nodes: TemplateNode[];
}
