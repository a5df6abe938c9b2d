import type { DataSource } from "typeorm";
import { buildCaller } from "../../test/support/factories.js";
import { wordsOf } from "../../server/modules/search/postgres/search-terms.js";

/** The words the seeded documents are made of: the stack and the problems people write about. */
export const SEARCH_VOCABULARY = [
  "kubeadm",
  "metallb",
  "openebs",
  "rancher",
  "odoo",
  "cert-manager",
  "gateway",
  "upgrade",
  "backup",
  "etcd",
  "helm",
  "chart",
  "ingress",
  "nginx",
  "mayastor",
  "localpv",
  "calico",
  "cilium",
  "containerd",
  "kubelet",
  "apiserver",
  "scheduler",
  "controller",
  "certificate",
  "renewal",
  "snapshot",
  "restore",
  "volume",
  "replica",
  "storage",
  "network",
  "layer2",
  "bgp",
  "address",
  "pool",
  "announcement",
  "loadbalancer",
  "service",
  "node",
  "control-plane",
  "worker",
  "bootstrap",
  "join",
  "token",
  "drain",
  "cordon",
  "taint",
  "toleration",
  "namespace",
  "postgresql",
  "database",
  "migration",
  "module",
  "invoice",
  "accounting",
  "tenant",
  "cluster",
  "federation",
  "monitoring",
  "prometheus",
  "grafana",
  "alert",
  "logging",
  "loki",
  "dashboard",
  "secret",
  "rotation",
  "tls",
  "letsencrypt",
  "dns",
  "challenge",
  "issuer",
  "httproute",
  "listener",
  "firewall",
  "keepalived",
  "haproxy",
  "virtual",
  "failover",
  "quorum",
  "latency",
  "timeout",
  "memory",
  "cpu",
  "capacity",
  "placement",
  "release",
  "rollback",
  "version",
  "deprecation",
  "manifest",
  "kustomize",
  "operator",
  "webhook",
  "admission",
  "policy",
  "rbac",
  "serviceaccount",
  "kubeconfig",
  "downstream",
  "import",
  "agent",
  "lease",
  "heartbeat",
  "outage",
  "incident",
  "postmortem",
  "runbook",
  "checklist",
  "hardware",
  "baremetal",
  "raid",
  "disk",
  "ssd",
  "nvme",
] as const;

/** Everyday words around the stack's terms, so that each term is in a realistic share of the documents. */
export const FILLER_WORDS =
  `the after before when with without our your this that from into onto over under again still
  because while since until then only also just every each some many most few other same different first last next
  previous new old small large slow fast stable broken working failing running stopped started waiting ready
  problem question answer solution issue error warning message log step steps guide note notes example setup
  install installed configure configured change changed update updated remove removed add added check checked
  fix fixed try tried works worked need needs want wants think seems looks found find see saw know use used using
  run ran start restart stop reboot machine server servers rack room office team people member members cooperative
  customer customers month week day hour minute second morning evening night yesterday today tomorrow maybe
  probably sure thanks hello help please share shared plan planned move moved keep kept same between across around
  behind ahead inside outside local remote public private internal external default custom manual automatic
  script command shell file files folder path value values field fields option options setting settings flag
  output input result results test tests testing production staging development environment environments
  documentation page section chapter reference link links version versions older newer latest current previous`
    .split(/\s+/)
    .filter(Boolean);

const CATEGORIES = ["operations", "storage", "networking", "upgrades", "odoo", "security", "hardware"];
const SEARCH_DOCUMENT_COUNT = 100_000;

/** What `seedSearch` wrote. */
export interface SearchSeed {
  documents: number;
  manualPages: number;
  cooperativeOnly: number;
  terms: number;
  /** A steward's write token (creates the forum category the lag probes post in). */
  stewardToken: string;
  /** One poster per lag sample: posting limits are per person. */
  posterTokens: string[];
}

/** Posts made through GraphQL to measure the index lag of a real forum post. */
export const LAG_POSTERS = 5;

/**
 * `count` words for row `i`: a term of the stack (`v.w`) with `domainPercent` chance, else an everyday word
 * (`f.w`). Chosen by a hash (deterministic, no repeating pattern), squared so the first words of each list are the
 * common ones, as in real text.
 */
const words = (count: number, salt: string, domainPercent: number) => {
  const pick = (list: string) =>
    `${list}[1 + floor(array_length(${list}, 1) * power(abs(hashtext(i || '-' || j || '${salt}')) / 2147483648.0, 2))::int]`;
  return `(SELECT string_agg(CASE WHEN abs(hashtext(j || '~' || i || '${salt}')) % 100 < ${domainPercent}
        THEN ${pick("v.w")} ELSE ${pick("f.w")} END, ' ')
      FROM generate_series(1, ${count}) AS j)`;
};

/**
 * Fills `search_document` with `SEARCH_DOCUMENT_COUNT` forum posts and manual pages in a few set-based
 * statements (the weighted vector computed in SQL exactly as `upsert-search-document.ts` does), one in ten
 * visible to one cooperative only, and `search_term` with the vocabulary. Far faster than indexing one by one,
 * and what is measured is the search, not the seeding.
 */
export async function seedSearch(dataSource: DataSource): Promise<SearchSeed> {
  const [cooperative] = (await dataSource.query(
    "SELECT id, slug FROM cooperative ORDER BY slug LIMIT 1",
  )) as Array<{
    id: string;
    slug: string;
  }>;
  const vocabulary = `ARRAY[${SEARCH_VOCABULARY.map((word) => `'${word}'`).join(",")}]`;
  const categories = `ARRAY[${CATEGORIES.map((slug) => `'${slug}'`).join(",")}]`;
  await dataSource.query(
    `INSERT INTO search_document (doc_type, doc_id, title, headings, body, url, cooperative_id, cooperative_slug,
       category_slug, tags, author_handle, release, created_at, updated_at, visibility_public,
       visibility_cooperative_ids, search_vector)
     SELECT d.doc_type, d.doc_id, d.title, d.headings, d.body, d.url, d.cooperative_id, d.cooperative_slug,
       d.category_slug, d.tags, d.author_handle, d.release, d.created_at, d.created_at, d.visibility_public,
       d.visibility_cooperative_ids,
       setweight(to_tsvector('english', d.title), 'A') || setweight(to_tsvector('english', d.headings), 'B')
         || setweight(to_tsvector('english', d.body), 'C')
     FROM (
       SELECT CASE WHEN i % 5 = 0 THEN 'manual_page' ELSE 'post' END AS doc_type,
         CASE WHEN i % 5 = 0 THEN 'page-' || i ELSE 'post-' || i END AS doc_id,
         initcap(${words(4, "t", 50)}) AS title,
         ${words(3, "h", 40)} || E'\\n' || ${words(2, "k", 40)} AS headings,
         ${words(45, "b", 10)} || '. ' || ${words(20, "c", 10)} || '.' AS body,
         CASE WHEN i % 5 = 0 THEN '/manuals/cooby-stack/2026.11/page-' || i ELSE '/forum/t/' || (i / 7) || '#post-' || i END AS url,
         CASE WHEN i % 10 = 3 THEN $1::text END AS cooperative_id,
         CASE WHEN i % 10 = 3 THEN $2::text END AS cooperative_slug,
         CASE WHEN i % 5 <> 0 THEN c.c[1 + i % array_length(c.c, 1)] END AS category_slug,
         CASE WHEN i % 5 <> 0 THEN ARRAY[v.w[1 + (i * 13) % array_length(v.w, 1)], v.w[1 + (i * 17) % array_length(v.w, 1)]]
           ELSE '{}'::text[] END AS tags,
         CASE WHEN i % 5 <> 0 THEN 'member-' || (i % 500) END AS author_handle,
         CASE WHEN i % 5 = 0 THEN '2026.11' END AS release,
         timestamptz '2026-01-01' + (i || ' minutes')::interval AS created_at,
         i % 10 <> 3 AS visibility_public,
         CASE WHEN i % 10 = 3 THEN ARRAY[$1::text] ELSE '{}'::text[] END AS visibility_cooperative_ids
       FROM generate_series(1, ${SEARCH_DOCUMENT_COUNT}) AS i,
         (SELECT ${vocabulary}::text[] AS w) AS v,
         (SELECT ${categories}::text[] AS c) AS c,
         (SELECT $3::text[] AS w) AS f
     ) AS d`,
    [cooperative.id, cooperative.slug, FILLER_WORDS],
  );
  const terms = wordsOf([...SEARCH_VOCABULARY, ...FILLER_WORDS].join(" "));
  await dataSource.query("INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [
    terms,
  ]);
  // What PostgresSearchProvider.index does for each document: remember the vector's lexemes (prefix expansion).
  await dataSource.query(
    `INSERT INTO search_lexeme (lexeme) SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM search_document
     ON CONFLICT DO NOTHING`,
  );
  await dataSource.query("ANALYZE search_document");
  const [counts] = (await dataSource.query(
    `SELECT count(*)::int AS documents, count(*) FILTER (WHERE doc_type = 'manual_page')::int AS pages,
       count(*) FILTER (WHERE NOT visibility_public)::int AS private FROM search_document`,
  )) as Array<{ documents: number; pages: number; private: number }>;
  const posterTokens: string[] = [];
  for (let index = 0; index < LAG_POSTERS; index++) {
    posterTokens.push((await buildCaller(dataSource, { handle: `lag-poster-${index}` })).token);
  }
  return {
    documents: counts.documents,
    manualPages: counts.pages,
    cooperativeOnly: counts.private,
    terms: terms.length,
    stewardToken: (await buildCaller(dataSource, { hubRoles: ["steward"], handle: "lag-steward" })).token,
    posterTokens,
  };
}
