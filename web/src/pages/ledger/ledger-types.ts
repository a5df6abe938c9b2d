/** Queries and types of the ledger page, as `schema/placement.graphql` defines them. */

const LINE_FIELDS = `provider { slug name } consumer { slug name }
  coreSeconds memoryGibSeconds storageGibSeconds gpuSeconds equivalentSeconds`;

export const LEDGER_COOPERATIVE_QUERY = `query LedgerCooperative($slug: String!) {
  cooperative(slug: $slug) { id slug name viewerMembership { role } }
}`;

export const LEDGER_STATEMENT_QUERY = `query LedgerStatement($cooperativeId: ID!, $month: String!, $from: String!, $to: String!) {
  ledgerStatement(cooperativeId: $cooperativeId, month: $month) {
    month csvUrl providedEquivalentSeconds consumedEquivalentSeconds
    provided { ${LINE_FIELDS} }
    consumed { ${LINE_FIELDS} }
  }
  ledgerDays(cooperativeId: $cooperativeId, from: $from, to: $to) {
    day providedEquivalentSeconds consumedEquivalentSeconds
  }
}`;

export const FAIR_SHARE_STANDINGS_QUERY = `query FairShareStandings {
  fairShareStandings { cooperative { slug name } provided used factor }
}`;

export interface LedgerCooperative {
  id: string;
  slug: string;
  name: string;
  viewerMembership: { role: string } | null;
}

export interface LedgerLine {
  provider: { slug: string; name: string };
  consumer: { slug: string; name: string };
  coreSeconds: number;
  memoryGibSeconds: number;
  storageGibSeconds: number;
  gpuSeconds: number;
  equivalentSeconds: number;
}

export interface LedgerStatement {
  month: string;
  csvUrl: string;
  providedEquivalentSeconds: number;
  consumedEquivalentSeconds: number;
  provided: LedgerLine[];
  consumed: LedgerLine[];
}

export interface LedgerDay {
  day: string;
  providedEquivalentSeconds: number;
  consumedEquivalentSeconds: number;
}

export interface FairShareStanding {
  cooperative: { slug: string; name: string };
  provided: number;
  used: number;
  factor: number;
}
