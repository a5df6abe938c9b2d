import type { EntityManager } from "typeorm";
import { badUserInput, forbidden, notFound } from "../../../errors.js";
import type { Actor } from "../../audit/record-audit-event.js";
import { CooperativeEntity } from "../../cooperatives/cooperative.entity.js";
import { loadBlueprintFolder } from "../format/load-folder.js";
import { BlueprintSignatureEntity } from "../model/blueprint-signature.entity.js";
import { readUploadedTarball, UploadRefused } from "../package/tar-reader.js";
import { checkSignature, type SubmittedSignature } from "../signing/check-signature.js";
import { type PreparedVersion, prepareVersion } from "./prepare-version.js";
import { type StoreVersionResult, storeVersion } from "./store-version.js";

/**
 * Unpacks and checks an uploaded archive before any transaction: unsafe entries (traversal, links, over 10 MiB)
 * and format problems become one BAD_USER_INPUT naming every problem (`input.tarball/<file>`).
 */
export async function prepareUpload(tarball: Buffer): Promise<PreparedVersion> {
  let files: Map<string, Buffer>;
  try {
    files = await readUploadedTarball(tarball);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    throw badUserInput(`The archive was refused: ${error.reason}`, [
      { field: "input.tarball", message: error.reason },
    ]);
  }
  const loaded = loadBlueprintFolder(files);
  if (!loaded.ok) {
    const problems = loaded.problems.map((problem) => ({
      field: `input.tarball/${problem.file ?? ""}`,
      message: `${problem.line ? `line ${problem.line}: ` : ""}${problem.path ? `${problem.path} ` : ""}${problem.message}`,
    }));
    throw badUserInput(
      `The blueprint is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join("; ")}`,
      problems,
    );
  }
  return prepareVersion(loaded.source);
}

/**
 * Publishes a prepared version under an approved cooperative, in the caller's transaction, with its signature
 * checked and stored (valid or not: an invalid one is shown as such, never as verified). Re-publishing the same
 * content is a no-op, except that it may add a signature to a version that has none.
 */
export async function publishVersion(
  manager: EntityManager,
  actor: Actor,
  cooperativeId: string,
  prepared: PreparedVersion,
  signature: SubmittedSignature | undefined,
): Promise<StoreVersionResult> {
  const cooperative = await manager.findOneBy(CooperativeEntity, { id: cooperativeId });
  if (!cooperative) throw notFound("Cooperative");
  if (cooperative.status !== "approved") throw forbidden("Only approved cooperatives publish blueprints");
  const result = await storeVersion(manager, prepared, {
    publisherCooperativeId: cooperativeId,
    origin: "upload",
    actor,
  });
  if (signature && !(await manager.existsBy(BlueprintSignatureEntity, { versionId: result.version.id }))) {
    const check = await checkSignature(manager, cooperativeId, prepared.listing, signature);
    await manager.insert(BlueprintSignatureEntity, { versionId: result.version.id, ...check });
  }
  return result;
}
