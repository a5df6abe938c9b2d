/** A person the development provider can sign in as. Claims follow OpenID Connect's standard names. */
export interface DemoPerson {
  /** Stable subject: the hub links its user to it. */
  sub: string;
  email: string;
  name: string;
  /** Becomes the hub handle. */
  preferred_username: string;
  /** Provider groups; see `mapClaimsToProfile` for how they become roles and memberships. */
  groups: string[];
  /** One line shown on the login page so a tester knows whom to pick. */
  description: string;
}

/**
 * The cast of the embedded demo: one person per kind of access, so every screen can be tried without a real
 * identity provider. Subjects never change: demo data and tests refer to them.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    sub: "demo-sam-steward",
    email: "sam.steward@alliance.example",
    name: "Sam Steward",
    preferred_username: "sam-steward",
    groups: ["alliance-stewards"],
    description: "Alliance steward: manages cooperatives, manuals and blueprints",
  },
  {
    sub: "demo-mona-moderator",
    email: "mona.moderator@alliance.example",
    name: "Mona Moderator",
    preferred_username: "mona-moderator",
    groups: ["alliance-moderators"],
    description: "Forum moderator",
  },
  {
    sub: "demo-ada-admin",
    email: "ada.admin@green-hosting.example",
    name: "Ada Admin",
    preferred_username: "ada-admin",
    groups: ["coop:green-hosting:admin"],
    description: "Admin of the cooperative green-hosting",
  },
  {
    sub: "demo-milo-member",
    email: "milo.member@campus-cloud.example",
    name: "Milo Member",
    preferred_username: "milo-member",
    groups: ["coop:campus-cloud:member"],
    description: "Member of the cooperative campus-cloud",
  },
  {
    sub: "demo-nia-newcomer",
    email: "nia.newcomer@example.org",
    name: "Nia Newcomer",
    preferred_username: "nia-newcomer",
    groups: [],
    description: "Newcomer, not in any cooperative yet",
  },
];
