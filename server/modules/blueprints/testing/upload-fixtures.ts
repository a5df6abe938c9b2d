import { generateKeyPairSync, sign } from "node:crypto";
import { buildBlueprintFiles, FIXTURE_MANIFEST } from "../format/blueprint-fixture.js";
import { fileListing } from "../package/file-listing.js";
import { writeDeterministicTarGz } from "../package/tar-writer.js";

/** A valid uploadable blueprint folder named `name` at `version`, with file overrides. */
export function uploadFiles(
  name: string,
  version: string,
  overrides: Record<string, string | Buffer | undefined> = {},
): Map<string, Buffer> {
  const manifest = FIXTURE_MANIFEST.replace("name: demo\n", `name: ${name}\n`).replace(
    "version: 1.2.3\n",
    `version: ${version}\n`,
  );
  return buildBlueprintFiles({ "blueprint.yaml": manifest, ...overrides });
}

/** The files as a base64 .tgz under one top folder, as `tar czf x.tgz folder/` would make it. */
export function toBase64Tarball(files: ReadonlyMap<string, Buffer>, folder = "upload"): string {
  return writeDeterministicTarGz(
    [...files].map(([path, content]) => ({ path: `${folder}/${path}`, content })),
  ).toString("base64");
}

/** A fresh Ed25519 key pair: the raw public key in base64 and a signer over a folder's SHA256SUMS listing. */
export function ed25519Signer() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url");
  return {
    publicKeyBase64: raw.toString("base64"),
    publicKeyPem: String(publicKey.export({ format: "pem", type: "spki" })),
    sign: (files: ReadonlyMap<string, Buffer>) =>
      sign(null, Buffer.from(fileListing(files), "utf8"), privateKey).toString("base64"),
  };
}
