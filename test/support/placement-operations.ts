/** GraphQL documents of the placement write path (createPlacement, cancelPlacement, previewPlacement). */
export const PLACEMENT_FIELDS = `id name status sourceKind manifests tolerationSeconds waitForCapacity
  resources { replicas perReplica { resource amount } } mode { kind clusters }
  work { id replicas namespace desiredState removalReason generation
    cluster { id name } providerCooperative { slug } reservation { resource amount } }
  decision { outcome trigger requestedReplicas placeableReplicas fairShare clusterCount filteredCount
    filterCounts { filter clusters }
    clusters(first: 100) { clusterName cooperativeName chosenReplicas total filtered { filter reason } scores { scorer score weight } } }`;
export const CREATE_PLACEMENT = `mutation($input: CreatePlacementInput!) {
  createPlacement(input: $input) { placement { ${PLACEMENT_FIELDS} } }
}`;
export const CANCEL_PLACEMENT = `mutation($input: CancelPlacementInput!) {
  cancelPlacement(input: $input) { placement { ${PLACEMENT_FIELDS} } }
}`;
export const PREVIEW_PLACEMENT = `query($request: PlacementRequestInput!) {
  previewPlacement(request: $request) {
    ok problems { field message }
    assignments { cluster { name } replicas reservation { resource amount } }
    decision { outcome trigger requestedReplicas placeableReplicas clusterCount
      clusters(first: 100) { clusterName chosenReplicas filtered { filter reason } } }
  }
}`;

/** A Deployment guests may run: unprivileged, no host paths. */
export const WEB_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

/** A request of `cpus` CPUs and 1 GiB per replica. */
export function placementRequest(cooperativeId: string, overrides: Record<string, unknown> = {}) {
  return {
    cooperativeId,
    name: "web",
    manifests: WEB_MANIFESTS,
    replicas: 2,
    resources: [
      { resource: "cpu", amount: 1000 },
      { resource: "memory", amount: 1024 ** 3 },
    ],
    mode: { kind: "DIVIDED" },
    ...overrides,
  };
}
