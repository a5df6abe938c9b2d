import { type ReactNode, useId } from "react";
import type { ParameterProblems, SchemaNode } from "./blueprint-types.js";

type Values = Record<string, unknown>;

/** Resolves a local `$ref` (`#/definitions/x`), keeping sibling keywords such as `default` and `description`. */
export function resolveSchema(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (!node.$ref?.startsWith("#/definitions/")) return node;
  const target = root.definitions?.[node.$ref.slice("#/definitions/".length)] ?? {};
  const { $ref: _ref, ...siblings } = node;
  return { ...resolveSchema(target, root), ...siblings };
}

const typeOf = (node: SchemaNode) => (Array.isArray(node.type) ? node.type[0] : node.type);
const pointer = (path: string[]) => path.map((segment) => `/${segment}`).join("");
const labelOf = (name: string, node: SchemaNode) =>
  node.title ?? name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (first) => first.toUpperCase());

function setAt(values: Values, path: string[], value: unknown): Values {
  const [head, ...rest] = path;
  const copy = { ...values };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    copy[head] = setAt((values[head] as Values | undefined) ?? {}, rest, value);
  }
  return copy;
}

function getAt(values: Values, path: string[]): unknown {
  return path.reduce<unknown>(
    (current, segment) => (current && typeof current === "object" ? (current as Values)[segment] : undefined),
    values,
  );
}

/** The first problem at or below a parameter's pointer. */
function problemAt(problems: ParameterProblems, path: string[]): string | undefined {
  const here = pointer(path);
  const key = Object.keys(problems).find(
    (candidate) => candidate === here || candidate.startsWith(`${here}/`),
  );
  return key ? problems[key] : undefined;
}

interface FieldProps {
  name: string;
  node: SchemaNode;
  path: string[];
  values: Values;
  problems: ParameterProblems;
  root: SchemaNode;
  onChange: (values: Values) => void;
}

function ParameterField({ name, node: raw, path, values, problems, root, onChange }: FieldProps) {
  const id = useId();
  const node = resolveSchema(raw, root);
  const type = typeOf(node);
  const label = labelOf(name, node);
  const error = problemAt(problems, path);
  const value = getAt(values, path);
  const set = (next: unknown) => onChange(setAt(values, path, next));
  if (type === "object" && node.properties) {
    return (
      <fieldset className="parameter-group">
        <legend>{label}</legend>
        {node.description ? <p className="field-hint">{node.description}</p> : null}
        {Object.entries(node.properties).map(([child, childNode]) => (
          <ParameterField
            key={child}
            name={child}
            node={childNode}
            path={[...path, child]}
            values={values}
            problems={problems}
            root={root}
            onChange={onChange}
          />
        ))}
      </fieldset>
    );
  }
  const describedBy = [node.description ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
  let control: ReactNode;
  if (type === "boolean") {
    control = (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(event) => set(event.target.checked)}
      />
    );
  } else if (node.enum) {
    control = (
      <select
        {...common}
        value={value === undefined ? "" : String(value)}
        onChange={(event) => set(event.target.value || undefined)}
      >
        <option value="">(default)</option>
        {node.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else if (type === "integer" || type === "number") {
    control = (
      <input
        type="number"
        {...common}
        min={node.minimum}
        max={node.maximum}
        step={type === "integer" ? 1 : "any"}
        value={typeof value === "number" ? value : ""}
        onChange={(event) => set(event.target.value === "" ? undefined : Number(event.target.value))}
      />
    );
  } else if (type === "array" && typeOf(resolveSchema(node.items ?? {}, root)) === "string") {
    control = (
      <textarea
        {...common}
        rows={3}
        value={Array.isArray(value) ? value.join("\n") : ""}
        onChange={(event) => set(event.target.value.split("\n").filter((line) => line.trim() !== ""))}
      />
    );
  } else if (type === "string") {
    control = (
      <input
        type="text"
        {...common}
        value={typeof value === "string" ? value : ""}
        onChange={(event) => set(event.target.value || undefined)}
      />
    );
  } else {
    control = <JsonField common={common} value={value} onChange={set} />;
  }
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {type === "array" && typeOf(resolveSchema(node.items ?? {}, root)) === "string"
          ? " (one per line)"
          : ""}
      </label>
      {node.description ? (
        <p className="field-hint" id={`${id}-hint`}>
          {node.description}
        </p>
      ) : null}
      {control}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function JsonField({
  common,
  value,
  onChange,
}: {
  common: Record<string, unknown>;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  return (
    <textarea
      {...common}
      rows={4}
      className="code-input"
      defaultValue={value === undefined ? "" : JSON.stringify(value, null, 2)}
      onBlur={(event) => {
        try {
          onChange(event.target.value.trim() === "" ? undefined : JSON.parse(event.target.value));
        } catch {
          // Leave the last valid value; the hub names the parameter if it is still wrong.
        }
      }}
    />
  );
}

/**
 * A form generated from a blueprint's parameter schema: objects become fieldsets, strings text fields, enums
 * selects, numbers number fields, booleans checkboxes, lists of strings one-per-line text areas and anything else a
 * JSON field. Problems from the hub (JSON Pointers) appear at their field.
 */
export function BlueprintParameterForm({
  schema,
  values,
  problems,
  onChange,
}: {
  schema: SchemaNode;
  values: Values;
  problems: ParameterProblems;
  onChange: (values: Values) => void;
}) {
  return (
    <div className="parameter-form">
      {Object.entries(schema.properties ?? {}).map(([name, node]) => (
        <ParameterField
          key={name}
          name={name}
          node={node}
          path={[name]}
          values={values}
          problems={problems}
          root={schema}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

/** Initial form values: the schema's defaults, recursively, overlaid with the version's `defaults` example. */
export function initialValues(schema: SchemaNode, example: unknown): Values {
  const fill = (node: SchemaNode): unknown => {
    const resolved = resolveSchema(node, schema);
    if (typeOf(resolved) === "object" && resolved.properties) {
      const base = (resolved.default as Values | undefined) ?? {};
      const result: Values = { ...base };
      for (const [key, child] of Object.entries(resolved.properties)) {
        const value = fill(child);
        if (value !== undefined) result[key] = value;
      }
      return result;
    }
    return resolved.default;
  };
  const defaults = (fill(schema) as Values) ?? {};
  const merge = (left: Values, right: unknown): Values => {
    if (!right || typeof right !== "object" || Array.isArray(right)) return left;
    const result: Values = { ...left };
    for (const [key, value] of Object.entries(right as Values)) {
      result[key] =
        value && typeof value === "object" && !Array.isArray(value)
          ? merge((left[key] as Values) ?? {}, value)
          : value;
    }
    return result;
  };
  return merge(defaults, example);
}
