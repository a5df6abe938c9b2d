import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { generateSecret, hashSecret } from "../../server/auth/secrets.js";
import { type ApiTokenScope, ApiTokenEntity } from "../../server/modules/api-tokens/api-token.entity.js";
import { type Cooperative, CooperativeEntity } from "../../server/modules/cooperatives/cooperative.entity.js";
import {
  MembershipEntity,
  type MembershipRole,
} from "../../server/modules/cooperatives/membership.entity.js";
import { type Person, PersonEntity } from "../../server/modules/people/person.entity.js";

const unique = () => randomBytes(4).toString("hex");

/** A person, as if they had signed in once. */
export async function buildPerson(dataSource: DataSource, overrides: Partial<Person> = {}): Promise<Person> {
  const suffix = unique();
  return dataSource.manager.save(PersonEntity, {
    issuer: "https://id.test.example",
    subject: `subject-${suffix}`,
    email: `person-${suffix}@test.example`,
    name: `Person ${suffix}`,
    handle: `person-${suffix}`,
    hubRoles: [],
    lastSignInAt: null,
    ...overrides,
  });
}

export const buildSteward = (dataSource: DataSource, overrides: Partial<Person> = {}) =>
  buildPerson(dataSource, { hubRoles: ["steward"], ...overrides });

/** A cooperative (approved unless said otherwise) with the given people as members. */
export async function buildCooperative(
  dataSource: DataSource,
  options: Partial<Cooperative> & { admins?: Person[]; members?: Person[] } = {},
): Promise<Cooperative> {
  const { admins = [], members = [], ...overrides } = options;
  const founder = overrides.foundedById ? undefined : (admins[0] ?? (await buildPerson(dataSource)));
  const suffix = unique();
  const cooperative = await dataSource.manager.save(CooperativeEntity, {
    slug: `coop-${suffix}`,
    name: `Cooperative ${suffix}`,
    country: "DE",
    website: null,
    description: "A test cooperative",
    tier: "alliance_partner",
    status: "approved",
    foundedById: founder?.id,
    ...overrides,
  });
  for (const [people, role] of [
    [admins, "admin"],
    [members, "member"],
  ] as Array<[Person[], MembershipRole]>) {
    for (const person of people) {
      await dataSource.manager.save(MembershipEntity, {
        cooperativeId: cooperative.id,
        personId: person.id,
        role,
        source: "manual",
      });
    }
  }
  return cooperative;
}

/** A personal API token; returns the secret to send as Bearer. */
export async function buildApiToken(
  dataSource: DataSource,
  person: Person,
  options: { scopes?: ApiTokenScope[]; expiresAt?: Date; revokedAt?: Date | null } = {},
): Promise<string> {
  const secret = generateSecret("ahp");
  await dataSource.manager.save(ApiTokenEntity, {
    personId: person.id,
    name: `token-${unique()}`,
    scopes: options.scopes ?? ["read", "write"],
    secretHash: hashSecret(secret),
    displayPrefix: secret.slice(0, 10),
    expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
    revokedAt: options.revokedAt ?? null,
  });
  return secret;
}

/** A person with a write token, ready to call the API. */
export async function buildCaller(dataSource: DataSource, overrides: Partial<Person> = {}) {
  const person = await buildPerson(dataSource, overrides);
  return { person, token: await buildApiToken(dataSource, person) };
}
