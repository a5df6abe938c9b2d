import type { Blueprint } from "../model/blueprint.entity.js";
import type { BlueprintVersion } from "../model/blueprint-version.entity.js";

/** Generated shell commands for one version. */
export interface InstallInstructions {
  download: string[];
  render: string[];
  kubectl: string[];
  helm: string[];
}

const shellQuote = (text: string) =>
  /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;

/** The template paths of a version (relative to `templates/`), which decide the commands. */
export interface TemplateLayout {
  templatePaths: string[];
}

/**
 * Commands to fetch, verify, render and install a version from this hub, following the blueprint's layout:
 * `kubeadm/` files become `kubeadm init/join --config`, `manifests/` a `kubectl apply`, `install/` a
 * `kubectl apply -k`, and `helm/<release>.values.yaml` a `helm upgrade --install` of the pinned chart of that name.
 */
export function installInstructions(
  publicUrl: string,
  blueprint: Blueprint,
  version: BlueprintVersion,
  layout: TemplateLayout,
): InstallInstructions {
  const base = `${publicUrl}/api/blueprints/${blueprint.name}/${version.version}`;
  const source = `${blueprint.name}-${version.version}.tgz`;
  const bundle = `${blueprint.name}-${version.version}-rendered.tgz`;
  const folder = `${blueprint.name}-${version.version}`;
  const paths = layout.templatePaths;
  const has = (prefix: string) => paths.some((path) => path.startsWith(prefix));
  const kubectl: string[] = [];
  if (has("kubeadm/init-configuration"))
    kubectl.push(`sudo kubeadm init --config ${folder}/kubeadm/init-configuration.yaml --upload-certs`);
  if (has("kubeadm/join-control-plane"))
    kubectl.push(`sudo kubeadm join --config ${folder}/kubeadm/join-control-plane.yaml`);
  if (has("kubeadm/join-worker"))
    kubectl.push(`sudo kubeadm join --config ${folder}/kubeadm/join-worker.yaml`);
  if (has("install/kustomization")) kubectl.push(`kubectl apply -k ${folder}/install/`);
  if (has("manifests/")) kubectl.push(`kubectl apply --server-side -f ${folder}/manifests/`);
  const helm: string[] = [];
  const charts = version.manifest.components.filter((component) => component.kind === "helm-chart");
  for (const path of paths.filter((candidate) => /^helm\/[^/]+\.values\.yaml$/.test(candidate))) {
    const release = path.slice("helm/".length, -".values.yaml".length);
    const chart = charts.find((component) => component.name === release);
    if (!chart) continue;
    const values = `${folder}/${path}`;
    if (chart.source.startsWith("oci://")) {
      helm.push(
        `helm upgrade --install ${release} ${shellQuote(chart.source)} --version ${chart.version} --namespace ${release} --create-namespace -f ${values}`,
      );
    } else {
      helm.push(`helm repo add ${release} ${shellQuote(chart.source)}`);
      helm.push(
        `helm upgrade --install ${release} ${release}/${release} --version ${chart.version} --namespace ${release} --create-namespace -f ${values}`,
      );
    }
  }
  return {
    download: [
      `curl -fsSLo ${source} ${base}.tgz`,
      `echo '${version.sourceSha256}  ${source}' | sha256sum --check`,
    ],
    render: [
      `curl -fsSL -X POST -H 'content-type: application/json' --data @values.json -o ${bundle} ${base}/render`,
      `tar xzf ${bundle} && (cd ${folder} && sha256sum --check SHA256SUMS)`,
    ],
    kubectl,
    helm,
  };
}
