import { useQuery } from "../../lib/use-query.js";
import { ErrorList } from "../error-list.js";
import { OfferEditor } from "./offer-editor.js";
import { OfferHistory } from "./offer-history.js";
import { OfferSummary } from "./offer-summary.js";
import { type CapacityOffer, OFFER_FIELDS } from "./offer-types.js";

const OFFER_QUERY = `query ClusterOffer($id: ID!) {
  memberCluster(id: $id) {
    id
    offer { ${OFFER_FIELDS} }
    offerHistory(first: 20) { edges { node { ${OFFER_FIELDS} } } }
  }
  cooperatives(first: 100) { edges { node { id name } } }
}`;

interface OfferData {
  memberCluster: {
    id: string;
    offer: CapacityOffer | null;
    offerHistory: { edges: Array<{ node: CapacityOffer }> };
  } | null;
  cooperatives: { edges: Array<{ node: { id: string; name: string } }> };
}

/**
 * The cluster page's "Capacity offer" section: the current version and its history for everyone who may see
 * offers, and the editor for the cluster's cooperative admins while the cluster is in the federation.
 */
export function ClusterOfferSection({ clusterId, canEdit }: { clusterId: string; canEdit: boolean }) {
  const { data, errors, loading, reload } = useQuery<OfferData>(OFFER_QUERY, { id: clusterId });
  if (loading && !data) return <p className="muted">Loading the offer…</p>;
  const cluster = data?.memberCluster;
  if (!cluster) return <ErrorList errors={errors} />;
  const offer = cluster.offer;
  const versions = cluster.offerHistory.edges.map((edge) => edge.node);
  return (
    <section className="stack" aria-labelledby="offer-heading">
      <h2 id="offer-heading">Capacity offer</h2>
      {offer ? (
        <OfferSummary offer={offer} />
      ) : (
        <p className="muted">This cluster is not offered to the alliance.</p>
      )}
      {canEdit ? (
        <OfferEditor
          // A new version resets the form to what was saved.
          key={offer?.version ?? 0}
          clusterId={clusterId}
          offer={offer}
          cooperatives={data.cooperatives.edges.map((edge) => edge.node)}
          onSaved={reload}
        />
      ) : null}
      <OfferHistory versions={versions} />
    </section>
  );
}
