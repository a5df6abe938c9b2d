import { describe, expect, it } from "vitest";
import { TemplateError } from "./template-error.js";
import { renderTemplate } from "./template-evaluator.js";
import { compileTemplate } from "./template-parser.js";
import type { JsonValue } from "./yaml-emitter.js";

function render(text: string, values: { [key: string]: JsonValue } = {}): string {
  return renderTemplate(compileTemplate(text, "t.yaml"), {
    values,
    blueprint: { name: "demo", version: "1.0.0", kind: "AppBlueprint" },
  });
}

function errorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("Template language: output tags", () => {
  it.each([
    ["{{ values.name }}", { name: "web-1" }, "web-1"],
    ["{{values.replicas}}", { replicas: 3 }, "3"],
    ["{{ values.on }}", { on: true }, "true"],
    ["{{ values.pools.1.name }}", { pools: [{ name: "a" }, { name: "b" }] }, "b"],
    ["{{ blueprint.name }}@{{ blueprint.version }}", {}, "demo@1.0.0"],
    ["{{ values.name | quote }}", { name: 'say "hi"' }, '"say \\"hi\\""'],
    ["{{ values.name | quote }}", { name: "on" }, '"on"'],
    ["{{ values.port | quote }}", { port: 6443 }, '"6443"'],
    ["{{ values.list | json }}", { list: ["a", 1, null] }, '["a",1,null]'],
    ["{{ values.name | yaml }}", { name: "0755" }, '"0755"'],
    ['{{ values.missing | default "x" }}', {}, "x"],
    ['{{ values.empty | default "x" }}', { empty: null }, "x"],
    ['{{ values.set | default "x" }}', { set: "y" }, "y"],
    ["{{ values.missing | default 5 }}", {}, "5"],
    ["{{ values.name | shellquote }}", { name: "it's $HOME" }, "'it'\\''s $HOME'"],
    ["{{ values.name | base64 }}", { name: "secret" }, "c2VjcmV0"],
    ['{{ "{{" }}', {}, "{{"],
  ])("%s renders %j as %s", (template, values, expected) => {
    expect(render(template, values)).toBe(expected);
  });

  it("prints objects as block YAML and indents the following lines", () => {
    const output = render("spec:\n  labels:\n    {{ values.labels | yaml | indent 4 }}\n", {
      labels: { "app.kubernetes.io/name": "web", tier: "front" },
    });
    expect(output).toBe('spec:\n  labels:\n    app.kubernetes.io/name: "web"\n    tier: "front"\n');
  });

  it("ignores comments", () => {
    expect(render("a{{! a comment }}b")).toBe("ab");
  });
});

describe("Template language: blocks", () => {
  it("chooses the if or else branch by truthiness", () => {
    const template = "{{#if values.flag}}yes{{else}}no{{/if}}";
    expect(render(template, { flag: true })).toBe("yes");
    for (const falsy of [false, 0, "", null, [], {}]) expect(render(template, { flag: falsy })).toBe("no");
  });

  it("supports unless", () => {
    expect(render("{{#unless values.flag}}off{{/unless}}", { flag: false })).toBe("off");
  });

  it("iterates lists with this, @index, @first and @last", () => {
    const output = render(
      "{{#each values.items}}{{@index}}={{ this }}{{#unless @last}},{{/unless}}{{/each}}",
      {
        items: ["a", "b", "c"],
      },
    );
    expect(output).toBe("0=a,1=b,2=c");
  });

  it("iterates objects by sorted key with @key", () => {
    expect(render("{{#each values.map}}{{@key}}:{{this}};{{/each}}", { map: { b: 2, a: 1 } })).toBe(
      "a:1;b:2;",
    );
  });

  it("renders the else branch of an empty each", () => {
    expect(render("{{#each values.items}}x{{else}}none{{/each}}", { items: [] })).toBe("none");
  });

  it("reads fields of this in nested loops, keeping values reachable", () => {
    const output = render(
      "{{#each values.pools}}{{#each this.addresses}}{{ values.prefix }}{{ this }} {{/each}}{{/each}}",
      { prefix: "ip-", pools: [{ addresses: ["a", "b"] }, { addresses: ["c"] }] },
    );
    expect(output).toBe("ip-a ip-b ip-c ");
  });

  it("removes lines that hold only a block tag", () => {
    const template = "a:\n  {{#if values.x}}\n  b: 1\n  {{else}}\n  b: 2\n  {{/if}}\nc: 3\n";
    expect(render(template, { x: true })).toBe("a:\n  b: 1\nc: 3\n");
    expect(render(template, { x: false })).toBe("a:\n  b: 2\nc: 3\n");
  });

  it("removes standalone lines of a list block", () => {
    const template = "list:\n{{#each values.items}}\n  - {{ this | quote }}\n{{/each}}\nend: true\n";
    expect(render(template, { items: ["x", "y"] })).toBe('list:\n  - "x"\n  - "y"\nend: true\n');
  });

  it("treats CRLF templates like LF ones", () => {
    expect(render("{{#if values.x}}\r\nyes\r\n{{/if}}\r\n", { x: true })).toBe("yes\n");
  });
});

describe("Template language: errors", () => {
  it.each([
    ["{{ values.nope }}", "UNKNOWN_PATH", 1],
    ["line\n{{#if values.nope}}x{{/if}}", "UNKNOWN_PATH", 2],
    ["{{#each values.nope}}x{{/each}}", "UNKNOWN_PATH", 1],
    ["{{ values.list.5 }}", "UNKNOWN_PATH", 1],
    ["{{ this }}", "UNKNOWN_PATH", 1],
    ["{{ values.obj }}", "TYPE_MISMATCH", 1],
    ["{{ values.nothing }}", "TYPE_MISMATCH", 1],
    ["{{ values.obj | quote }}", "TYPE_MISMATCH", 1],
    ["{{#each values.name}}x{{/each}}", "TYPE_MISMATCH", 1],
  ])("%s fails with %s on line %i", (template, code, line) => {
    const error = errorOf(() => render(template, { list: [1], obj: { a: 1 }, nothing: null, name: "x" }));
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.file).toBe("t.yaml");
  });

  it.each([
    "{{ values.a",
    "{{ }}",
    "{{#if values.a}}",
    "{{/if}}",
    "{{#if values.a}}{{/each}}",
    "{{#while values.a}}{{/while}}",
    "{{ values.a | upper }}",
    "{{ values.a | indent }}",
    "{{ values.a | default }}",
    "{{ values.a values.b }}",
    "{{ values..a }}",
    "{{ values.a[0] }}",
    "{{ @index.x }}",
    "{{else}}",
  ])("rejects the malformed template %j", (template) => {
    expect(errorOf(() => compileTemplate(template, "t.yaml")).code).toBe("TEMPLATE_SYNTAX");
  });

  it("never prints unsafe text unencoded, so a parameter cannot add YAML keys", () => {
    for (const value of ["a\nkind: Secret", "a # comment", "x: y", "[1]", "'q'", "a b"]) {
      expect(errorOf(() => render("name: {{ values.v }}", { v: value })).code).toBe("TYPE_MISMATCH");
    }
  });

  it("does not let indent bypass the encoding check", () => {
    expect(errorOf(() => render("{{ values.v | indent 2 }}", { v: "a\nb: c" })).code).toBe("TYPE_MISMATCH");
  });

  it("stops a render whose output exceeds the limit", () => {
    const template = compileTemplate("{{#each values.items}}xxxxxxxxxx{{/each}}", "t.yaml");
    const context = { values: { items: Array.from({ length: 100 }, () => 0) }, blueprint: {} };
    expect(() => renderTemplate(template, context, { maxOutputLength: 500 })).toThrow(/exceeds/);
  });
});
