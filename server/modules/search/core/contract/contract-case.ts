import type { SearchProvider } from "../search-provider.js";

/**
 * One check of the provider contract. `run` receives a provider already loaded with the fixture set and throws
 * (a vitest assertion error) when the provider breaks the contract.
 */
export interface SearchProviderContractCase {
  name: string;
  run: (provider: SearchProvider) => Promise<void>;
}
