export * from "./acr-values.js";
export * from "./claims-mapping.js";
export * from "./claims-mapping-error.js";
export * from "./cooperative-group-pattern.js";
export * from "./discovery.js";
export * from "./normalise-handle.js";
export * from "./step-up.js";
export * from "./verify-id-token.js";
