/** Where the hub serves the install manifest; the join token goes in the Authorization header, never the URL. */
export const INSTALL_MANIFEST_PATH = "/api/clusters/install.yaml";

/** The copy-paste commands shown once after a join token was created. */
export function installInstructions(
  publicUrl: string,
  joinToken: string,
): { installCommand: string; installManifestUrl: string; cliCommand: string } {
  const installManifestUrl = `${publicUrl}${INSTALL_MANIFEST_PATH}`;
  return {
    installManifestUrl,
    installCommand: `curl -fsSL -H "Authorization: Bearer ${joinToken}" ${installManifestUrl} | kubectl apply -f -`,
    cliCommand: `alliance-agent join --hub ${publicUrl}/graphql --token ${joinToken} && alliance-agent run`,
  };
}
