import type { CompiledTemplate, PathExpression, TemplateNode } from "../rendering/template-ast.js";

/** A construct of the blueprint template language without a faithful Helm equivalent. */
export class NotChartable extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "NotChartable";
  }
}

const literal = (value: string | number | boolean | null) => (value === null ? "nil" : JSON.stringify(value));

function indexInto(base: string, segments: Array<string | number>): string {
  if (segments.length === 0) return base;
  return `(index ${base} ${segments.map((segment) => (typeof segment === "number" ? String(segment) : JSON.stringify(segment))).join(" ")})`;
}

/** Translates a path; `depth` is the number of enclosing `#each` blocks (their variables are `$iN`, `$vN`). */
function path(expression: PathExpression, depth: number): string {
  const { root, segments } = expression;
  if (root === "values") return indexInto("$.Values", segments);
  if (root === "blueprint") {
    const [fact, ...rest] = segments;
    if (rest.length > 0) throw new NotChartable(`${expression.text} has no chart equivalent`);
    if (fact === "name") return "$.Chart.Name";
    if (fact === "version") return "$.Chart.Version";
    if (fact === "kind") return literal("AppBlueprint");
    throw new NotChartable(`${expression.text} has no chart equivalent`);
  }
  if (depth === 0) throw new NotChartable(`${expression.text} outside #each`);
  if (root === "this") return indexInto(`$v${depth}`, segments);
  if (root === "@index" || root === "@key") return `$i${depth}`;
  if (root === "@first") return `(eq $i${depth} 0)`;
  throw new NotChartable(`${expression.text} has no chart equivalent`);
}

/**
 * Filters as Sprig pipeline steps. `quote` prints JSON strings (valid YAML), `yaml | indent N` indents every line
 * but the first as the blueprint language does. `default` follows Sprig (empty values count as missing too).
 */
function filters(
  calls: Array<{ name: string; args: Array<{ value: string | number | boolean | null }> }>,
): string {
  return calls
    .map((call) => {
      const [first] = call.args;
      switch (call.name) {
        case "quote":
          return " | toString | toJson";
        case "json":
          return " | toJson";
        case "yaml":
          return " | toYaml";
        case "indent": {
          const spaces = Number(first?.value ?? 0);
          return ` | indent ${spaces} | trimPrefix ${JSON.stringify(" ".repeat(spaces))}`;
        }
        case "default":
          return ` | default ${literal(first?.value ?? null)}`;
        case "shellquote":
          return ` | toString | replace "'" "'\\\\''" | printf "'%s'"`;
        case "base64":
          return " | toString | b64enc";
        default:
          throw new NotChartable(`the ${call.name} filter has no chart equivalent`);
      }
    })
    .join("");
}

function translateNodes(nodes: TemplateNode[], depth: number): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
          return node.value.replace(/\{\{/g, '{{ "{{" }}');
        case "output": {
          const value =
            node.expression.type === "literal"
              ? literal(node.expression.value)
              : path(node.expression, depth);
          return `{{ ${value}${filters(node.filters)} }}`;
        }
        case "if": {
          const condition = path(node.condition, depth);
          const otherwise =
            node.whenFalse.length > 0 ? `{{ else }}${translateNodes(node.whenFalse, depth)}` : "";
          return `{{ if ${node.negate ? `not ${condition}` : condition} }}${translateNodes(node.whenTrue, depth)}${otherwise}{{ end }}`;
        }
        case "each": {
          const next = depth + 1;
          const otherwise =
            node.otherwise.length > 0 ? `{{ else }}${translateNodes(node.otherwise, depth)}` : "";
          return `{{ range $i${next}, $v${next} := ${path(node.list, depth)} }}${translateNodes(node.body, next)}${otherwise}{{ end }}`;
        }
        default:
          throw new NotChartable("unknown template construct");
      }
    })
    .join("");
}

/**
 * Translates a compiled blueprint template to a Helm (Go text/template + Sprig) template: `values.*` become
 * `.Values`, `blueprint.name/version` the chart's name and version, `#each` a `range` with numbered variables so
 * nested loops keep `this` and `@index` apart. Standalone block lines were already removed by the lexer, so tags
 * are emitted inline and produce the same line layout. Throws {@link NotChartable} for what cannot be expressed.
 */
export function toHelmTemplate(template: CompiledTemplate): string {
  return translateNodes(template.nodes, 0);
}
