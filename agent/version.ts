/** Agent version sent at registration; bump with every agent release. */
export const AGENT_VERSION = "0.1.0";
