import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { RequestOptions } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InClusterConfigError, loadKubeConfig } from "./kubeconfig.js";

/** A fake service-account mount, as the kubelet projects it into every pod. */
let directory: string;
const CA = "-----BEGIN CERTIFICATE-----\nMIIBfakeCAforTests\n-----END CERTIFICATE-----\n";

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "service-account-"));
  writeFileSync(join(directory, "token"), "eyJhbGciOiJSUzI1NiJ9.in-cluster-token");
  writeFileSync(join(directory, "ca.crt"), CA);
  writeFileSync(join(directory, "namespace"), "alliance-agent\n");
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("loadKubeConfig in-cluster", () => {
  it("talks to the service host over TLS with the mounted CA, token and namespace", async () => {
    const kubeConfig = loadKubeConfig({
      inCluster: { host: "10.96.0.1", port: "443", serviceAccountDirectory: directory },
    });
    expect(kubeConfig.getCurrentCluster()).toMatchObject({
      server: "https://10.96.0.1:443",
      caFile: join(directory, "ca.crt"),
      skipTLSVerify: false,
    });
    expect(kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace).toBe("alliance-agent");
    // What client-node puts on each request: the token as a bearer and the CA to verify the API server with.
    const options: RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(options);
    expect((options.headers as Record<string, string>).Authorization).toBe(
      "Bearer eyJhbGciOiJSUzI1NiJ9.in-cluster-token",
    );
    expect(String(options.ca)).toBe(CA);
  });

  it("brackets an IPv6 service host", () => {
    const kubeConfig = loadKubeConfig({
      inCluster: { host: "fd00::1", port: "6443", serviceAccountDirectory: directory },
    });
    expect(kubeConfig.getCurrentCluster()?.server).toBe("https://[fd00::1]:6443");
  });

  it("says what is missing instead of failing on the first request", () => {
    expect(() => loadKubeConfig({ inCluster: { port: "443", serviceAccountDirectory: directory } })).toThrow(
      /KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT/,
    );
    rmSync(join(directory, "token"));
    expect(() =>
      loadKubeConfig({ inCluster: { host: "10.96.0.1", port: "443", serviceAccountDirectory: directory } }),
    ).toThrow(InClusterConfigError);
  });
});
