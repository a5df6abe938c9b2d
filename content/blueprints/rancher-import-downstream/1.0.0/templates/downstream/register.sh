#!/bin/sh
# Rendered by {{ blueprint.name }} {{ blueprint.version }}.
# Imports the cluster into Rancher: reads the registration manifest URL from the management cluster, then applies
# that manifest (cattle-cluster-agent and its RBAC) to the downstream cluster.
set -eu
management={{ values.kubeContexts.management | shellquote }}
downstream={{ values.kubeContexts.downstream | shellquote }}
cluster={{ values.clusterName | shellquote }}

kubectl --context "$management" apply -f management/cluster.yaml
echo "waiting for Rancher to create the management cluster and its registration token..."
for attempt in $(seq 1 60); do
  id=$(kubectl --context "$management" -n fleet-default get clusters.provisioning.cattle.io "$cluster" \
    -o jsonpath='{.status.clusterName}' 2>/dev/null || true)
  if [ -n "$id" ]; then
    url=$(kubectl --context "$management" -n "$id" get clusterregistrationtokens.management.cattle.io \
      -o jsonpath='{.items[0].status.manifestUrl}' 2>/dev/null || true)
    [ -n "$url" ] && break
  fi
  sleep 5
done
if [ -z "${url:-}" ]; then
  echo "no registration manifest URL after 5 minutes; check the cluster in the Rancher UI" >&2
  exit 1
fi
echo "applying $url to context $downstream"
{{#if values.insecureRegistration}}
curl --fail --silent --show-error --insecure "$url" | kubectl --context "$downstream" apply -f -
{{else}}
curl --fail --silent --show-error "$url" | kubectl --context "$downstream" apply -f -
{{/if}}
kubectl --context "$downstream" -n cattle-system rollout status deploy/cattle-cluster-agent --timeout=300s
