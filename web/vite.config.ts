import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const HUB = "http://localhost:4000";

/**
 * Builds the web app into `web/dist`, which the hub serves. The development server forwards the API and the
 * sign-in routes to a hub running on port 4000, so the session cookie stays same-origin.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No inline module-preload polyfill: the hub's CSP allows only scripts from its own origin.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      "/graphql": HUB,
      "/auth": HUB,
      "/oidc": HUB,
    },
  },
});
