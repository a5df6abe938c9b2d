export * from "./create-dev-provider.js";
export * from "./demo-people.js";
export { DEV_PROVIDER_SCOPES, type DevOidcClient } from "./provider-configuration.js";
