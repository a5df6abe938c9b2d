import { describe, expect, it } from "vitest";
import type { Cooperative } from "../../cooperatives/cooperative.entity.js";
import { csvField, csvNumber, statementCsv } from "./statement-csv.js";

const cooperative = (slug: string, name: string) => ({ id: slug, slug, name }) as Cooperative;
const figures = { coreSeconds: 7200, memoryGibSeconds: 0.5, storageGibSeconds: 0, gpuSeconds: 0 };

describe("statementCsv", () => {
  it("has one header row and one row per direction and counterparty, numbers with a dot", () => {
    const csv = statementCsv({
      cooperative: cooperative("us", "Us"),
      month: "2026-11",
      provided: [{ counterparty: cooperative("a", "Alpha, Inc."), ...figures, equivalentSeconds: 7200.125 }],
      consumed: [{ counterparty: cooperative("b", "Beta"), ...figures, equivalentSeconds: 1 / 3 }],
      providedEquivalentSeconds: 7200.125,
      consumedEquivalentSeconds: 1 / 3,
    });
    expect(csv.split("\r\n")).toEqual([
      "month,direction,counterparty_slug,counterparty_name,core_seconds,memory_gib_seconds,storage_gib_seconds,gpu_seconds,equivalent_seconds",
      '2026-11,provided,a,"Alpha, Inc.",7200.000,0.500,0.000,0.000,7200.125',
      "2026-11,consumed,b,Beta,7200.000,0.500,0.000,0.000,0.333",
      "",
    ]);
  });

  it("quotes and defuses fields a spreadsheet would misread", () => {
    expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1,2")).toBe(`"'-1,2"`);
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvNumber(1e7 / 3)).toBe("3333333.333");
  });
});
