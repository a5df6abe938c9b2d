import fc from "fast-check";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { TemplateError } from "./template-error.js";
import { renderTemplate } from "./template-evaluator.js";
import { compileTemplate } from "./template-parser.js";
import type { JsonValue } from "./yaml-emitter.js";

function render(text: string, values: { [key: string]: JsonValue }): string {
  return renderTemplate(compileTemplate(text, "t.yaml"), { values, blueprint: {} });
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof TemplateError) return error.code;
    throw error;
  }
  return "NO_ERROR";
}

describe("Template language: no code execution", () => {
  it.each([
    "{{ values.constructor }}",
    "{{ values.__proto__ }}",
    "{{ values.toString }}",
    "{{ values.hasOwnProperty }}",
    "{{ values.list.length }}",
    "{{#each values.list}}{{ this.constructor }}{{/each}}",
  ])("treats %s as an unknown path rather than reaching JavaScript", (template) => {
    expect(codeOf(() => render(template, { list: [{ a: 1 }] }))).toBe("UNKNOWN_PATH");
  });

  it.each([
    "{{ process.env }}",
    "{{ globalThis }}",
    '{{ require("fs") }}',
    "{{ values.a | constructor }}",
    "{{ values.a | __proto__ }}",
    "{{ (values.a) }}",
    "{{ values.a + 1 }}",
    "{{ `\u0024{1}` }}",
  ])("refuses %s at parse time", (template) => {
    expect(codeOf(() => compileTemplate(template, "t.yaml"))).toBe("TEMPLATE_SYNTAX");
  });

  it("prints template syntax inside a parameter literally, never evaluating it", () => {
    const output = render("a: {{ values.text | quote }}", { text: "{{ values.secret }}", secret: "s3cret" });
    expect(parse(output)).toEqual({ a: "{{ values.secret }}" });
  });

  it("does not echo parameter content in type errors", () => {
    try {
      render("{{ values.password }}", { password: "hunter2 hunter2" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
  });
});

describe("Template language: escaping keeps YAML structure", () => {
  it("a quoted parameter is always exactly one scalar, whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const output = render("key: {{ values.text | quote }}\nother: 1\n", { text });
        expect(parse(output)).toEqual({ key: text, other: 1 });
      }),
      { numRuns: 300 },
    );
  });

  it("| yaml round-trips any JSON value, nested at any indentation", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const data = JSON.parse(JSON.stringify(value)) as JsonValue;
        const output = render("root:\n  nested:\n    {{ values.v | yaml | indent 4 }}\n  after: 1\n", {
          v: data,
        });
        expect(parse(output)).toEqual({ root: { nested: data, after: 1 } });
      }),
      { numRuns: 300 },
    );
  });

  it("| json output parses back to the same value inside YAML", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const data = JSON.parse(JSON.stringify(value)) as JsonValue;
        expect(parse(`v: ${render("{{ values.v | json }}", { v: data })}`)).toEqual({ v: data });
      }),
      { numRuns: 200 },
    );
  });

  it("a parameter cannot add a YAML document", () => {
    const output = render("a: {{ values.x | quote }}\n", { x: "x\n---\nkind: Secret" });
    expect(parseAllDocuments(output)).toHaveLength(1);
  });

  it("quotes words that YAML 1.1 would read as booleans", () => {
    expect(render("{{ values.v | yaml }}", { v: { on: "yes", no: ["off"] } })).toBe(
      '"on": "yes"\n"no":\n  - "off"',
    );
  });
});
