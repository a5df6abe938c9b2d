import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { toGlobalId } from "../../server/graphql/global-id.js";
import { FIXTURE_MANIFEST } from "../../server/modules/blueprints/format/blueprint-fixture.js";
import { syncOfficialBlueprints } from "../../server/modules/blueprints/testing/sync-official-blueprints.js";
import {
  ed25519Signer,
  toBase64Tarball,
  uploadFiles,
} from "../../server/modules/blueprints/testing/upload-fixtures.js";
import type { Cooperative } from "../../server/modules/cooperatives/cooperative.entity.js";
import { buildApiToken, buildCooperative, buildPerson, buildSteward } from "../support/factories.js";
import { expectData, graphql } from "../support/graphql-client.js";
import { reportRunningBlueprints } from "../support/running-blueprints.js";
import { startTestHub, type TestHub } from "../support/test-hub.js";
import { expectNoSeriousAxeViolations, requireWebBuild, screenshot, withBrowser } from "./support/browser.js";

// Three cooperative blueprints, one per signature outcome, next to the official content:
// trusted-demo (key in the keyring), untrusted-demo (registered key, not in the keyring) and forged-demo
// (claims the registered key's fingerprint, signed by another key).
let hub: TestHub;
let cooperative: Cooperative;
let keys: { trusted: string; untrusted: string };

const PUBLISH = `mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) { version { signature { status } } } }`;
const REGISTER = `mutation($input: RegisterSigningKeyInput!) { registerSigningKey(input: $input) { signingKey { id fingerprint } } }`;
const TRUST = `mutation($input: TrustSigningKeyInput!) { trustSigningKey(input: $input) { signingKey { trusted } } }`;

function filesOf(name: string, title: string) {
  const manifest = FIXTURE_MANIFEST.replace("name: demo\n", `name: ${name}\n`)
    .replace("version: 1.2.3\n", "version: 1.0.0\n")
    .replace("title: Demo\n", `title: ${title}\n`);
  return uploadFiles(name, "1.0.0", { "blueprint.yaml": manifest });
}

beforeAll(async () => {
  requireWebBuild();
  hub = await startTestHub();
  const { dataSource } = hub.database;
  await syncOfficialBlueprints(dataSource);
  const adminPerson = await buildPerson(dataSource);
  cooperative = await buildCooperative(dataSource, { admins: [adminPerson] });
  const admin = await buildApiToken(dataSource, adminPerson);
  const steward = await buildApiToken(dataSource, await buildSteward(dataSource));
  const cooperativeId = toGlobalId("Cooperative", cooperative.id);
  const register = async (name: string, publicKey: string) =>
    expectData(
      await graphql<{ registerSigningKey: { signingKey: { id: string; fingerprint: string } } }>(
        hub.url,
        REGISTER,
        { input: { cooperativeId, name, publicKey } },
        { token: admin },
      ),
    ).registerSigningKey.signingKey;
  const trustedSigner = ed25519Signer();
  const untrustedSigner = ed25519Signer();
  const trusted = await register("release key", trustedSigner.publicKeyBase64);
  const untrusted = await register("laptop key", untrustedSigner.publicKeyBase64);
  keys = { trusted: trusted.fingerprint, untrusted: untrusted.fingerprint };
  expectData(await graphql(hub.url, TRUST, { input: { signingKeyId: trusted.id } }, { token: steward }));
  const publish = async (files: Map<string, Buffer>, keyFingerprint: string, signature: string) => {
    const tarball = toBase64Tarball(files);
    const input = { cooperativeId, tarball, signature: { keyFingerprint, signature } };
    return expectData(
      await graphql<{ publishBlueprintVersion: { version: { signature: { status: string } } } }>(
        hub.url,
        PUBLISH,
        { input },
        { token: admin },
      ),
    ).publishBlueprintVersion.version.signature.status;
  };
  const trustedFiles = filesOf("trusted-demo", "Trusted demo");
  const untrustedFiles = filesOf("untrusted-demo", "Untrusted demo");
  const forgedFiles = filesOf("forged-demo", "Forged demo");
  expect([
    await publish(trustedFiles, trusted.fingerprint, trustedSigner.sign(trustedFiles)),
    await publish(untrustedFiles, untrusted.fingerprint, untrustedSigner.sign(untrustedFiles)),
    await publish(forgedFiles, untrusted.fingerprint, ed25519Signer().sign(forgedFiles)),
  ]).toEqual(["VERIFIED", "SIGNED", "INVALID"]);
  // Downloads (trusted-demo most, then untrusted-demo) for the sort; one accepted cluster runs trusted-demo.
  for (const name of ["trusted-demo", "trusted-demo", "trusted-demo", "untrusted-demo"])
    expect((await fetch(`${hub.url}/api/blueprints/${name}/1.0.0.tgz`)).status).toBe(200);
  await reportRunningBlueprints(dataSource, hub.url, [{ name: "trusted-demo", version: "1.0.0" }]);
});
afterAll(() => hub?.stop());

const badgesOf = (page: Page) => page.locator(".page-heading .card-badges").first().textContent();
const cardTitles = (page: Page) => page.locator("article.card .card-title").allTextContents();

describe("Signature badges in the browser", () => {
  it("shows a key outside the keyring as signed, not verified, and a forged signature as invalid", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints/untrusted-demo`);
      await expect.poll(() => badgesOf(page)).toContain("Signed, not verified");
      expect(await badgesOf(page)).not.toMatch(/verified signature|Official/i);
      await expect
        .poll(() => page.getByTestId("signature-fact").textContent())
        .toBe("Signed, key not in the alliance keyring");
      await screenshot(page, "blueprint-trust-01-signed-not-verified");

      await page.goto(`${hub.url}/blueprints/forged-demo`);
      await expect.poll(() => badgesOf(page)).toContain("Signature invalid");
      expect(await badgesOf(page)).not.toMatch(/verified signature|Official/i);
      await expect
        .poll(() => page.getByTestId("signature-fact").textContent())
        .toBe("Signature invalid (the signature does not match the files)");

      await page.goto(`${hub.url}/blueprints/trusted-demo`);
      await expect.poll(() => badgesOf(page)).toContain("Verified signature (alliance keyring)");
    }));

  it("labels official content as official, never as a verified signature, and says it is unsigned", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints/metallb-l2`);
      await expect.poll(() => badgesOf(page)).toContain("Official (alliance content)");
      expect(await badgesOf(page)).not.toMatch(/verified signature|Signed/i);
      await expect
        .poll(() => page.getByTestId("signature-fact").textContent())
        .toContain("official alliance content");
      await expect
        .poll(() => page.getByTestId("placeholder-digests").textContent())
        .toContain("unverified placeholders");
      await expect.poll(() => page.getByText("placeholder, unverified").first().isVisible()).toBe(true);
    }));
});

describe("Catalog filters and sort in the browser", () => {
  it("filters by verification and publisher and sorts by downloads", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints`);
      await expect.poll(() => page.getByText("12 found").isVisible()).toBe(true);
      await page.getByLabel("Verification").selectOption({ label: "Official or verified signature" });
      await expect.poll(() => page.getByText("10 found").isVisible()).toBe(true);
      const verified = await cardTitles(page);
      expect(verified).toContain("Trusted demo");
      expect(verified).toContain("MetalLB in layer 2 mode");
      expect(verified).not.toContain("Untrusted demo");
      expect(verified).not.toContain("Forged demo");
      expect(page.url()).toContain("verified=yes");

      await page.getByLabel("Verification").selectOption({ label: "Neither official nor verified" });
      await expect.poll(() => cardTitles(page)).toEqual(["Forged demo", "Untrusted demo"]);
      await screenshot(page, "blueprint-trust-02-not-verified-filter");

      await page.getByLabel("Verification").selectOption({ label: "Any" });
      await page.getByLabel("Publisher").selectOption({ label: "The Alliance (official)" });
      await expect.poll(() => page.getByText("9 found").isVisible()).toBe(true);
      expect(await cardTitles(page)).not.toContain("Trusted demo");

      await page.goto(`${hub.url}/blueprints?publisher=${cooperative.slug}`);
      await expect.poll(() => cardTitles(page)).toEqual(["Forged demo", "Trusted demo", "Untrusted demo"]);
      await page.getByLabel("Sort by").selectOption({ label: "Most downloaded" });
      // Download counts reach the catalog's sort within a second (buffered per process).
      await expect
        .poll(() => cardTitles(page).then((titles) => titles.slice(0, 2)), { timeout: 5_000 })
        .toEqual(["Trusted demo", "Untrusted demo"]);
      expect(page.url()).toContain("sort=MOST_DOWNLOADED");
    }));
});

describe("Publisher page", () => {
  it("shows a cooperative's blueprints with their badges, counts and keys, linked from the blueprint page", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints/trusted-demo`);
      await page.locator(".page-heading").getByRole("link", { name: cooperative.name }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(cooperative.name);
      expect(page.url()).toBe(`${hub.url}/blueprints/publishers/${cooperative.slug}`);
      await expect.poll(() => cardTitles(page)).toEqual(["Forged demo", "Trusted demo", "Untrusted demo"]);
      const trusted = page.getByTestId("publisher-blueprint-trusted-demo");
      expect(await trusted.textContent()).toContain("latest v1.0.0");
      expect(await trusted.textContent()).toContain("Verified signature (alliance keyring)");
      expect(await trusted.textContent()).toContain("3 downloads · running on 1 member cluster");
      const untrusted = await page.getByTestId("publisher-blueprint-untrusted-demo").textContent();
      expect(untrusted).toContain("Signed, not verified");
      expect(untrusted).toContain("1 download · running on 0 member clusters");
      const forged = await page.getByTestId("publisher-blueprint-forged-demo").textContent();
      expect(forged).toContain("Signature invalid");
      expect(forged).not.toMatch(/verified signature/i);
      const keyRow = (fingerprint: string) => page.getByRole("row").filter({ hasText: fingerprint });
      expect(await keyRow(keys.trusted).textContent()).toContain("In the keyring");
      expect(await keyRow(keys.untrusted).textContent()).toContain("Not in the keyring");
      await expectNoSeriousAxeViolations(page, "publisher page");
      await screenshot(page, "blueprint-trust-03-publisher");
    }));

  it("shows the alliance as the publisher of official content, with the keyring, linked from the catalog", () =>
    withBrowser(async ({ page }) => {
      await page.goto(`${hub.url}/blueprints?q=metallb`);
      await page.locator("article.card").first().getByRole("link", { name: "The Alliance" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("The Alliance");
      await expect.poll(() => cardTitles(page).then((titles) => titles.length)).toBe(9);
      expect(await page.getByTestId("publisher-blueprint-metallb-l2").textContent()).toContain(
        "Official (alliance content)",
      );
      const keyring = page.getByRole("row").filter({ hasText: keys.trusted });
      expect(await keyring.textContent()).toContain(cooperative.name);
      expect(await page.getByRole("row").filter({ hasText: keys.untrusted }).count()).toBe(0);
    }));
});
