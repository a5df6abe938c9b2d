import { describe, it } from "vitest";
import type { SearchProvider } from "../search-provider.js";
import type { SearchProviderContractCase } from "./contract-case.js";
import { indexContractFixtures } from "./contract-helpers.js";
import { LIFECYCLE_CASES } from "./lifecycle-cases.js";
import { PERMISSION_CASES } from "./permission-cases.js";
import { QUERY_CASES } from "./query-cases.js";

/** Every check a search provider must pass. */
export const SEARCH_PROVIDER_CONTRACT_CASES: readonly SearchProviderContractCase[] = [
  ...QUERY_CASES,
  ...PERMISSION_CASES,
  ...LIFECYCLE_CASES,
];

/** A fresh, empty provider plus a way to dispose of it (drop the schema, delete the index). */
export interface ContractProviderHandle {
  provider: SearchProvider;
  cleanup: () => Promise<void>;
}

/** Loads the fixtures into `provider` and runs one contract case against it. */
export async function runContractCase(
  contractCase: SearchProviderContractCase,
  provider: SearchProvider,
): Promise<void> {
  await indexContractFixtures(provider);
  await contractCase.run(provider);
}

/**
 * Declares the provider contract as a vitest suite. Each case gets a fresh provider from `makeProvider`, so cases
 * that remove or rebuild cannot affect each other. Call it from the provider's own test file:
 * `describeSearchProviderContract("PostgreSQL search", async () => ({ provider, cleanup }))`.
 */
export function describeSearchProviderContract(
  name: string,
  makeProvider: () => Promise<ContractProviderHandle>,
): void {
  describe(`${name} (search provider contract)`, () => {
    for (const contractCase of SEARCH_PROVIDER_CONTRACT_CASES) {
      it(contractCase.name, async () => {
        const { provider, cleanup } = await makeProvider();
        try {
          await runContractCase(contractCase, provider);
        } finally {
          await cleanup();
        }
      });
    }
  });
}
