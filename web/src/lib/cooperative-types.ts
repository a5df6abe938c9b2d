/** A member of a cooperative as the cooperative page lists it. */
export interface MemberEntry {
  id: string;
  role: string;
  createdAt: string;
  person: { id: string; handle: string; name: string };
}

/** An open invitation, visible to the cooperative's admins. */
export interface InvitationEntry {
  id: string;
  email: string;
  role: string;
  createdAt: string;
  expiresAt: string;
}

/** Everything the cooperative page shows about one cooperative. */
export interface CooperativeDetails {
  id: string;
  slug: string;
  name: string;
  country: string;
  website: string | null;
  description: string;
  tier: string;
  status: string;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  memberCount: number;
  foundedBy: { handle: string; name: string } | null;
  viewerMembership: { id: string; role: string } | null;
  members: { totalCount: number; edges: Array<{ node: MemberEntry }> } | null;
  invitations: InvitationEntry[] | null;
}

/** The query of the cooperative page. */
export const COOPERATIVE_QUERY = `query Cooperative($slug: String!) {
  cooperative(slug: $slug) {
    id slug name country website description tier status createdAt decidedAt decisionNote memberCount
    foundedBy { handle name }
    viewerMembership { id role }
    members(first: 100) { totalCount edges { node { id role createdAt person { id handle name } } } }
    invitations { id email role createdAt expiresAt }
  }
}`;
