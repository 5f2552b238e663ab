// The site settings and the taxonomy registry are checked like a guide's front matter: every problem
// at once, each as file:line: field: what is wrong: how to fix it, and no stack.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeFailure } from "../src/cli/failure.ts";
import { ProblemsError } from "../src/messages/problems.ts";
import { loadSiteSettings, siteSettingsFile } from "../src/site-settings.ts";
import { loadRegistry, registryFile } from "../src/taxonomy/registry.ts";

const folder = mkdtempSync(path.join(tmpdir(), "dspm-settings-"));

/** Writes `text` to a file and returns the message of what loading it throws. */
function failureOf(name: string, text: string, load: (file: string) => unknown): { error: unknown; lines: string[]; file: string } {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  let error: unknown;
  try {
    load(file);
  } catch (thrown) {
    error = thrown;
  }
  expect(error, "loading the file throws").toBeInstanceOf(ProblemsError);
  return { error, lines: describeFailure(error).split("\n"), file: path.relative(process.cwd(), file) };
}

describe("site settings", () => {
  const valid = readFileSync(siteSettingsFile, "utf8");

  it("load from src/data/site.yaml", () => {
    expect(loadSiteSettings().name).toBeTruthy();
  });

  it("name every problem with its line, field and fix, and print no stack", () => {
    const text = valid
      .replace(/^base_url:.*$/m, "base_url: guides.example.com")
      .replace(/^path_prefix:.*$/m, "")
      .concat("\npath_prefix: docs\ntagine: Guides\n");
    const lines = text.split("\n");
    const lineOf = (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1;
    expect(lineOf("base_url:")).toBeGreaterThan(0);
    const { lines: message, file } = failureOf("site.yaml", text, (name) => loadSiteSettings(name));
    expect(message[0]).toBe("The site settings are invalid; nothing was built.");
    expect(message.slice(1).sort()).toEqual(
      [
        `${file}:${lineOf("base_url:")}: base_url: the text "guides.example.com" is not a web address: write a full https:// URL`,
        `${file}:${lineOf("path_prefix:")}: path_prefix: the text "docs" is not allowed: start and end it with /, e.g. /docs/`,
        `${file}:${lineOf("tagine:")}: file: unknown field "tagine" (did you mean "tagline"?): rename or remove it (see README.md's Site settings section)`,
      ].sort(),
    );
    expect(message.join("\n")).not.toMatch(/^\s+at /m);
  });

  it("give the line of a YAML mistake", () => {
    const { lines: message, file } = failureOf("broken.yaml", 'name: "Unclosed\ntagline: x\n', (name) => loadSiteSettings(name));
    expect(message[1]).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+: file: is not valid YAML \\(.+\\): fix the syntax there$`),
    );
  });
});

describe("taxonomy registry file", () => {
  const valid = readFileSync(registryFile, "utf8");

  it("names a bad slug on its line", () => {
    const text = valid.replace("slug: aws", "slug: Amazon Web Services");
    const slugLine = text.split("\n").findIndex((line) => line.includes("slug: Amazon Web Services")) + 1;
    const { lines: message, file } = failureOf("taxonomy.yaml", text, loadRegistry);
    expect(message[0]).toBe("The taxonomy registry is invalid; nothing was built.");
    expect(message.slice(1)).toEqual([
      `${file}:${slugLine}: platforms[0].slug: the text "Amazon Web Services" is not allowed: use lower-case letters and digits joined by single hyphens, e.g. pci-dss`,
    ]);
  });
});
