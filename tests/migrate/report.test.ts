// How report lines are printed, and how they quote and count what they name.
import { describe, expect, it } from "vitest";
import { formatReportLine, quote } from "../../src/authoring/migrate/report.ts";
import { plural } from "../../src/text/plural.ts";

describe("the migration report", () => {
  it.each([
    ["fixed", "fixed: x"],
    ["mapped", "mapped: x"],
    ["guessed", "guessed, review it: x"],
    ["kept", "kept in legacy_content: x"],
    ["computed", "dropped, the site computes it: x"],
    ["omitted", "left out: x"],
    ["warning", "WARNING: x"],
  ] as const)("labels a %s line", (kind, printed) => {
    expect(formatReportLine({ kind, message: "x" })).toBe(printed);
  });

  it("quotes text on one line, cut after 80 characters", () => {
    expect(quote("two\n   lines")).toBe('"two lines"');
    expect(quote("a".repeat(80))).toBe(`"${"a".repeat(80)}"`);
    expect(quote("a".repeat(81))).toBe(`"${"a".repeat(79)}…"`);
  });

  it("counts with the noun's singular or plural", () => {
    expect([plural(0, "step"), plural(1, "step"), plural(2, "step")]).toEqual(["0 steps", "1 step", "2 steps"]);
    expect(plural(3, "with a command", "with commands")).toBe("3 with commands");
  });
});
