/** The placement form as the person fills it in: text as typed, converted only when sent. */
export interface PlacementFormState {
  cooperativeId: string;
  name: string;
  source: "MANIFESTS" | "BLUEPRINT";
  manifests: string;
  blueprintVersionId: string;
  /** JSON object text. */
  parameters: string;
  replicas: string;
  cpuCores: string;
  memoryMi: string;
  modeKind: "DIVIDED" | "DUPLICATED";
  modeClusters: string;
  maxPerCluster: string;
  maxPerCooperative: string;
  /** Comma-separated. */
  jurisdictions: string;
  countries: string;
  own: "any" | "exclude" | "prefer";
  waitForCapacity: boolean;
}

export const EXAMPLE_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
          ports:
            - containerPort: 8080
`;

/** A fresh form for `cooperativeId`. */
export const initialPlacementForm = (cooperativeId: string): PlacementFormState => ({
  cooperativeId,
  name: "",
  source: "MANIFESTS",
  manifests: EXAMPLE_MANIFESTS,
  blueprintVersionId: "",
  parameters: "{}",
  replicas: "2",
  cpuCores: "0.5",
  memoryMi: "512",
  modeKind: "DIVIDED",
  modeClusters: "1",
  maxPerCluster: "",
  maxPerCooperative: "",
  jurisdictions: "",
  countries: "",
  own: "any",
  waitForCapacity: false,
});

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** A whole number, or undefined when empty (the hub validates the value and names the field if it is wrong). */
const integer = (text: string) => (text.trim() === "" ? undefined : Number(text));

function parametersOf(text: string): unknown {
  try {
    return text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    // Sent as typed: the hub answers BAD_USER_INPUT naming `blueprint.parameters`.
    return text;
  }
}

/** The `PlacementRequestInput` of the form. */
export function requestOf(state: PlacementFormState): Record<string, unknown> {
  const resources = [
    { resource: "cpu", amount: Math.round(Number(state.cpuCores) * 1000) },
    { resource: "memory", amount: Math.round(Number(state.memoryMi) * 1024 ** 2) },
  ];
  const jurisdictions = list(state.jurisdictions);
  const countries = list(state.countries);
  return {
    cooperativeId: state.cooperativeId,
    name: state.name,
    ...(state.source === "MANIFESTS"
      ? { manifests: state.manifests }
      : {
          blueprint: {
            blueprintVersionId: state.blueprintVersionId,
            parameters: parametersOf(state.parameters),
          },
        }),
    replicas: Number(state.replicas),
    resources,
    mode:
      state.modeKind === "DUPLICATED"
        ? { kind: "DUPLICATED", clusters: integer(state.modeClusters) ?? 1 }
        : { kind: "DIVIDED" },
    spread: {
      maxPerCluster: integer(state.maxPerCluster),
      maxPerCooperative: integer(state.maxPerCooperative),
    },
    constraints: {
      ...(jurisdictions.length > 0 ? { jurisdictions } : {}),
      ...(countries.length > 0 ? { countries: countries.map((country) => country.toUpperCase()) } : {}),
      excludeOwnClusters: state.own === "exclude",
      preferOwnClusters: state.own === "prefer",
    },
  };
}

/** Whether the form is complete enough to ask for a preview (the hub judges the rest). */
export const previewable = (state: PlacementFormState) =>
  state.cooperativeId !== "" &&
  state.name.trim() !== "" &&
  Number(state.replicas) >= 1 &&
  (state.source === "MANIFESTS" ? state.manifests.trim() !== "" : state.blueprintVersionId.trim() !== "");
