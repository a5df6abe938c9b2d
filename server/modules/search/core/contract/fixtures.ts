import type { SearchDocument, SearchViewer } from "../search-provider.js";

/**
 * The north cooperative's id holds quotes and a backslash on purpose: a provider that builds filters by string
 * concatenation without escaping fails (or leaks) on it.
 */
const NORTH_ID = `coop-north'"\\`;

/** Viewers used across the contract. */
export const CONTRACT_VIEWERS = {
  anonymous: { signedIn: false, cooperativeIds: [], roles: [] },
  northMember: { personId: "person-alice", signedIn: true, cooperativeIds: [NORTH_ID], roles: [] },
  southMember: { personId: "person-dan", signedIn: true, cooperativeIds: ["coop-south"], roles: [] },
  moderator: { personId: "person-mona", signedIn: true, cooperativeIds: [], roles: ["moderator"] },
  steward: { personId: "person-stella", signedIn: true, cooperativeIds: [], roles: ["steward"] },
} satisfies Record<string, SearchViewer>;

const PUBLIC = { public: true };
const NORTH = { cooperativeId: NORTH_ID, cooperativeSlug: "north" };
const SOUTH = { cooperativeId: "coop-south", cooperativeSlug: "south" };

function at(iso: string): Date {
  return new Date(iso);
}

const METALLB_MANUAL: Pick<SearchDocument, "type" | "title" | "headings" | "visibility"> = {
  type: "manual_page",
  title: "Installing MetalLB in layer 2 mode",
  headings: ["Address pools", "Announcements"],
  visibility: PUBLIC,
};

/**
 * The fixture set. Words are chosen so stemming (PostgreSQL) and typo tolerance (Meilisearch) cannot blur the
 * expected results: no two distinct fixture words are one typo apart.
 */
export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  {
    type: "post",
    id: "post-upgrade",
    title: "Kubeadm upgrade stalls on the control plane",
    body: "After running kubeadm upgrade apply the etcd static pod never became ready. Draining the node first fixed it.",
    url: "/forum/t/10#post-1",
    ...NORTH,
    categorySlug: "day-two",
    tags: ["kubeadm", "upgrade"],
    authorHandle: "alice",
    createdAt: at("2026-03-10T08:00:00Z"),
    updatedAt: at("2026-03-11T08:00:00Z"),
    visibility: PUBLIC,
  },
  {
    type: "topic",
    id: "topic-bgp",
    title: "MetalLB speaker loses BGP session after reboot",
    body: "The speaker pod restarts and the router drops the session. Hold timers were too short.",
    url: "/forum/t/11",
    ...SOUTH,
    categorySlug: "networking",
    tags: ["metallb", "bgp"],
    authorHandle: "Bob",
    status: "unsolved",
    createdAt: at("2026-05-02T10:00:00Z"),
    updatedAt: at("2026-05-03T10:00:00Z"),
    visibility: PUBLIC,
  },
  {
    type: "topic",
    id: "topic-volume",
    title: "OpenEBS volume stuck in pending",
    body: "The Mayastor pool was degraded; replacing the disk and recreating the pool solved it.",
    url: "/forum/t/12",
    ...NORTH,
    categorySlug: "storage",
    tags: ["openebs"],
    authorHandle: "carol",
    status: "solved",
    createdAt: at("2026-07-20T09:00:00Z"),
    updatedAt: at("2026-07-21T09:00:00Z"),
    visibility: PUBLIC,
  },
  {
    ...METALLB_MANUAL,
    id: "manual-metallb-2026.04",
    body: "Create an IPAddressPool and an L2Advertisement so services receive external addresses.",
    url: "/manuals/2026.04/networking/metallb",
    release: "2026.04",
    createdAt: at("2026-04-01T00:00:00Z"),
    updatedAt: at("2026-04-01T00:00:00Z"),
  },
  {
    ...METALLB_MANUAL,
    id: "manual-metallb-2026.10",
    body: "Create an IPAddressPool and an L2Advertisement so services receive external addresses. Pools are namespaced now.",
    url: "/manuals/2026.10/networking/metallb",
    release: "2026.10",
    createdAt: at("2026-10-01T00:00:00Z"),
    updatedAt: at("2026-10-01T00:00:00Z"),
  },
  {
    type: "blueprint",
    id: "blueprint-odoo",
    title: "Odoo with PostgreSQL",
    body: "Helm chart that installs Odoo backed by a replicated PostgreSQL cluster.",
    url: "/blueprints/odoo",
    ...SOUTH,
    tags: ["odoo", "helm"],
    authorHandle: "erin",
    createdAt: at("2026-06-15T12:00:00Z"),
    updatedAt: at("2026-06-16T12:00:00Z"),
    visibility: PUBLIC,
  },
  {
    type: "post",
    id: "post-north-private",
    title: "North maintenance window for kubeadm nodes",
    body: "Internal schedule: we upgrade kubeadm on Saturday night.",
    url: "/forum/t/13#post-1",
    ...NORTH,
    categorySlug: "day-two",
    tags: ["internal-schedule"],
    authorHandle: "alice",
    createdAt: at("2026-08-01T18:00:00Z"),
    updatedAt: at("2026-08-01T18:00:00Z"),
    visibility: { public: false, cooperativeIds: [NORTH_ID] },
  },
  {
    type: "cluster",
    id: "cluster-south-edge",
    title: "south-edge-01",
    body: "Cluster awaiting acceptance. Runs kubeadm v1.31 on three nodes.",
    url: "/clusters/south-edge-01",
    ...SOUTH,
    tags: ["pending-acceptance"],
    createdAt: at("2026-09-01T07:00:00Z"),
    updatedAt: at("2026-09-01T07:00:00Z"),
    visibility: { public: false, cooperativeIds: ["coop-south"] },
  },
  {
    type: "post",
    id: "post-flagged",
    title: "Flagged reply about kubeadm",
    body: "Reported as spam by two members.",
    url: "/forum/t/14#post-3",
    tags: ["flagged"],
    authorHandle: "mallory",
    createdAt: at("2026-09-10T07:00:00Z"),
    updatedAt: at("2026-09-10T07:00:00Z"),
    visibility: { public: true, requiresRole: "moderator" },
  },
  {
    type: "post",
    id: "post-html",
    title: "Escaping check",
    body: "Paste this <script>alert('zebra')</script> into values.yaml & watch the zebra <b>stripes</b> appear.",
    url: "/forum/t/15#post-1",
    tags: ["helm"],
    authorHandle: "frank",
    createdAt: at("2026-02-01T12:00:00Z"),
    updatedAt: at("2026-02-01T12:00:00Z"),
    visibility: PUBLIC,
  },
];

/**
 * A document only signed-in people may see (an accepted member cluster). Not part of `CONTRACT_DOCUMENTS`, so the
 * counts of the other cases stay as they are: the signed-in case indexes it itself.
 */
export const SIGNED_IN_DOCUMENT: SearchDocument = {
  type: "cluster",
  id: "cluster-north-core",
  title: "north-core-02",
  body: "Accepted member cluster of the alliance. Runs longhorn storage.",
  url: "/clusters/north-core-02",
  ...NORTH,
  tags: ["accepted"],
  createdAt: at("2026-09-02T07:00:00Z"),
  updatedAt: at("2026-09-02T07:00:00Z"),
  visibility: { public: false, signedIn: true },
};

/** Ids every viewer can see (public, no role). */
export const PUBLIC_IDS = [
  "post-upgrade",
  "topic-bgp",
  "topic-volume",
  "manual-metallb-2026.04",
  "manual-metallb-2026.10",
  "blueprint-odoo",
  "post-html",
];

/** The fixture document with this id (throws if the fixture set changed under a test). */
export function fixture(id: string): SearchDocument {
  const document = CONTRACT_DOCUMENTS.find((candidate) => candidate.id === id);
  if (document === undefined) throw new Error(`no contract fixture ${id}`);
  return document;
}
