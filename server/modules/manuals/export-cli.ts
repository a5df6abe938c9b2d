import { resolve } from "node:path";
import { loadConfig } from "../../config.js";
import { openDatabase } from "../../db/data-source.js";
import { CONTENT_DIRECTORY } from "../../hub.js";
import { exportManualRelease, writeExportedFiles } from "./export-release.js";

/**
 * `npx tsx server/modules/manuals/export-cli.ts <manual> <release> <directory>`: writes a release from the
 * configured database back to the `content/manuals/` layout, e.g. to commit text edited in the hub.
 */
const [manualSlug, releaseName, directory] = process.argv.slice(2);
if (!manualSlug || !releaseName || !directory) {
  console.error("usage: export-cli.ts <manual> <release> <directory>");
  process.exit(2);
}
const database = await openDatabase(loadConfig().database);
try {
  const files = await exportManualRelease(
    database.dataSource.manager,
    manualSlug,
    releaseName,
    CONTENT_DIRECTORY,
  );
  if (!files) {
    console.error(`no release ${manualSlug}/${releaseName}`);
    process.exitCode = 1;
  } else {
    writeExportedFiles(resolve(directory), files);
    console.log(`${files.length} files written to ${resolve(directory)}`);
  }
} finally {
  await database.close();
}
