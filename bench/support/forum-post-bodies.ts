/**
 * Markdown bodies of the forum benchmark's posts: the shapes real posts have (paragraphs, lists, fenced code, links,
 * quotes, mentions), 300 to 1,500 characters. The seed stores each with the HTML the app renders for it.
 */
export const FORUM_POST_BODIES: readonly string[] = [
  `We upgraded the control plane from 1.30 to 1.31 last night. The first control-plane node went fine, the second
one hung on \`kubeadm upgrade node\` for about ten minutes until etcd caught up.

Has anyone else seen this? Our etcd members are on NVMe, so disk latency should not be it.`,
  `Thanks, that helped. For the record, these were the steps:

1. Drain the node: \`kubectl drain cp-2 --ignore-daemonsets\`
2. Upgrade kubeadm and run \`kubeadm upgrade node\`
3. Upgrade kubelet and kubectl, restart kubelet
4. Uncordon

The trick was waiting for \`etcdctl endpoint health\` to report all members healthy between nodes.`,
  `Here is the MetalLB configuration we use for layer 2 announcements:

\`\`\`yaml
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: public
  namespace: metallb-system
spec:
  addresses:
    - 192.0.2.10-192.0.2.40
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: public
  namespace: metallb-system
\`\`\`

With this the address moves to another node within a few seconds when one fails.`,
  `> The trick was waiting for etcd to report all members healthy between nodes.

Agreed. We put that check in our runbook, see the [upgrade checklist](https://example.org/runbooks/upgrade) for
the full list. @member-3 wrote most of it.`,
  `Short answer: yes, OpenEBS LocalPV works for Odoo's filestore, but you lose the volume with the node. We run
Mayastor with three replicas for the database and LocalPV only for caches.`,
  `Our backup plan for PostgreSQL:

- nightly base backup with \`pg_basebackup\` to the object store
- WAL archiving every minute
- a restore test every Monday on the staging cluster

The restore test found two broken backups in the first month, so do not skip it.`,
  `Could you share the output of \`kubectl get events -n cert-manager --sort-by=.lastTimestamp\`? The DNS-01
challenge usually fails because the issuer cannot reach the DNS provider's API from inside the cluster.`,
  `We saw the same thing after moving to Gateway API. The HTTPRoute was accepted but the listener had no attached
routes, because the \`parentRefs\` section name did not match the listener name. Renaming the listener fixed it.

\`\`\`yaml
parentRefs:
  - name: public
    sectionName: https
\`\`\``,
  `+1, this happens to us too. Following.`,
  `For hardware we settled on two SSDs in RAID 1 for the system and NVMe for etcd and the databases. The RAID
controller's write cache must have a battery, otherwise fsync latency is terrible and etcd complains constantly.
Details in our [hardware notes](https://example.org/notes/hardware); happy to answer questions.`,
  `The certificate renewal job failed silently for three weeks because the webhook's own certificate had expired.
We now alert on \`certmanager_certificate_expiration_timestamp_seconds\` less than 14 days away, with a Grafana
panel per cluster. Rotation itself takes a minute once you know which secret to delete.`,
  `Marking this solved: the root cause was a keepalived priority tie between two HAProxy nodes, so both claimed the
virtual IP after a network blip. Giving them distinct priorities stopped the flapping.`,
];
