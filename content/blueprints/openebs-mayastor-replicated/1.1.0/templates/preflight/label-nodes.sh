#!/bin/sh
# Rendered by {{ blueprint.name }} {{ blueprint.version }}.
# Run with kubectl pointed at the cluster: labels the io-engine nodes and checks there are at least three.
set -eu
{{#each values.ioEngineNodes}}
kubectl label node {{ this | shellquote }} openebs.io/engine=mayastor --overwrite
{{/each}}
count=$(kubectl get nodes -l openebs.io/engine=mayastor -o name | wc -l)
if [ "$count" -lt 3 ]; then
  echo "only $count node(s) labelled openebs.io/engine=mayastor; three replicas need at least 3"
  exit 1
fi
echo "$count io-engine nodes labelled"
