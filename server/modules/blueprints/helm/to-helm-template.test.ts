import { describe, expect, it } from "vitest";
import { compileTemplate } from "../rendering/template-parser.js";
import { NotChartable, toHelmTemplate } from "./to-helm-template.js";

const translate = (source: string) => toHelmTemplate(compileTemplate(source, "templates/manifests/x.yaml"));

describe("toHelmTemplate", () => {
  it("maps values, blueprint facts and filters to Go templates with Sprig", () => {
    expect(translate("name: {{ values.app.name }}\n")).toBe('name: {{ (index $.Values "app" "name") }}\n');
    expect(translate("v: {{ blueprint.version | quote }}\n")).toBe(
      "v: {{ $.Chart.Version | toString | toJson }}\n",
    );
    expect(translate("list:\n  {{ values.items | yaml | indent 2 }}\n")).toBe(
      'list:\n  {{ (index $.Values "items") | toYaml | indent 2 | trimPrefix "  " }}\n',
    );
    expect(translate('x: {{ values.maybe | default "none" }}\n')).toBe(
      'x: {{ (index $.Values "maybe") | default "none" }}\n',
    );
    expect(translate("d: {{ values.secret | base64 }}\n")).toBe(
      'd: {{ (index $.Values "secret") | toString | b64enc }}\n',
    );
  });

  it("maps blocks, keeping nested loop variables apart", () => {
    const source =
      "{{#each values.pools}}\n- {{ this.name }} {{ @index }}\n{{#each this.ips}}\n  - {{ this }}\n{{/each}}\n{{/each}}\n";
    expect(translate(source)).toBe(
      '{{ range $i1, $v1 := (index $.Values "pools") }}- {{ (index $v1 "name") }} {{ $i1 }}\n{{ range $i2, $v2 := (index $v1 "ips") }}  - {{ $v2 }}\n{{ end }}{{ end }}',
    );
    expect(translate("{{#unless values.off}}\non: true\n{{else}}\non: false\n{{/unless}}\n")).toBe(
      '{{ if not (index $.Values "off") }}on: true\n{{ else }}on: false\n{{ end }}',
    );
  });

  it("refuses what Helm cannot express faithfully", () => {
    expect(() => translate("{{#each values.a}}{{ @last }}{{/each}}\n")).toThrow(NotChartable);
  });
});
