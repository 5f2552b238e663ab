import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { referenceMarkers, withGeneratedReference } from "../src/authoring/reference.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { formatProblem } from "../src/messages/problems.ts";
import { knowsLanguage } from "../src/markdown/highlight.ts";
import { structuredGuideSchema } from "../src/content/schema.ts";
import { defaultGuidesDir, projectRoot } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { brokenLinks, htmlErrors, sharedBuild, temporaryFolder, type BuiltSite } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
// Read once: every test below only looks at the result.
const real = readGuides(readGuideSources(defaultGuidesDir), registry, site);

describe("the real guides folder", () => {
  let built: BuiltSite;
  beforeAll(async () => {
    built = await sharedBuild(defaultGuidesDir);
  });

  it("validates with no problem", () => {
    expect(real.guides.length).toBeGreaterThan(0);
    expect(real.problems.map(formatProblem)).toEqual([]);
  });

  it("highlights commands at build time, keeping their text intact", () => {
    const page = built.page("/guides/fix-exposure-of-api-keys-secrets-tokens-aws/");
    expect(page.querySelectorAll("pre.command code span[class^=hljs-]").length).toBeGreaterThan(0);
    const step = real.guides.find((guide) => guide.slug === "fix-exposure-of-api-keys-secrets-tokens-aws")?.steps?.[1];
    expect(step?.commands?.length, "step 2 has commands").toBeGreaterThan(0);
    expect(page.querySelectorAll("#step-2 pre.command code").map((code) => code.textContent)).toEqual(
      step?.commands?.map((command) => command.code),
    );
  });

  it("builds valid HTML on every page", async () => {
    expect(await htmlErrors(built)).toEqual([]);
  });

  it("builds a site whose every internal link resolves", () => {
    expect(built.urls()).toContain("/");
    expect(brokenLinks(built)).toEqual([]);
  });
});

const allPlatforms = ["aws", "azure", "gcp", "databricks", "snowflake"];

/**
 * Each family, and per action the requirements that make its guides about that subject and no other
 * (`framework id`): a PCI data fix guide is a 12.10.7 response, a PHI fix guide a 164.402 assessment,
 * a customer-data fix guide a processor's notice to its controller under Art. 33(2).
 */
const families: { subject: string; platforms: string[]; primaryRegulations?: string[]; keyControls?: Record<string, string[]> }[] = [
  { subject: "api-keys-secrets-tokens", platforms: allPlatforms },
  { subject: "pii", platforms: allPlatforms, primaryRegulations: ["gdpr"] },
  {
    subject: "pci-data",
    platforms: allPlatforms,
    primaryRegulations: ["pci-dss"],
    keyControls: { detect: ["PCI-DSS 12.5.2"], prevent: ["PCI-DSS 3.4.1", "PCI-DSS 3.5.1"], fix: ["PCI-DSS 12.10.7"] },
  },
  {
    subject: "phi",
    platforms: allPlatforms,
    primaryRegulations: ["hipaa"],
    keyControls: {
      detect: ["HIPAA 164.514(b)"],
      prevent: ["HIPAA 164.312(a)(2)(iv)", "HIPAA 164.514(b)"],
      fix: ["HIPAA 164.402", "HIPAA 164.404"],
    },
  },
  {
    subject: "financial-records",
    platforms: allPlatforms,
    primaryRegulations: ["sox", "sec-17a-4"],
    keyControls: {
      detect: ["SOX 404(a)", "SEC 17a-4 17a-4(f)(2)(i)"],
      prevent: ["SEC 17a-4 17a-4(f)(2)(i)", "FINRA 4511 4511(c)"],
      fix: ["SOX 404(a)", "SEC 17a-4 17a-4(f)(2)(i)"],
    },
  },
  {
    subject: "customer-data",
    platforms: allPlatforms,
    primaryRegulations: ["gdpr"],
    keyControls: {
      detect: ["SOC 2 C1.1", "ISO 27001 8.33"],
      prevent: ["SOC 2 C1.1", "ISO 27001 8.31", "ISO 27001 8.33"],
      fix: ["GDPR Art. 33(2)", "GDPR Art. 28(3)(f)"],
    },
  },
  {
    subject: "employee-data",
    platforms: allPlatforms,
    primaryRegulations: ["gdpr"],
    keyControls: {
      detect: ["GDPR Art. 9(1)", "GDPR Art. 88(2)", "ISO 27001 8.15"],
      prevent: ["GDPR Art. 9(1)", "GDPR Art. 88(2)", "ISO 27001 8.3"],
      fix: ["GDPR Art. 33(1)", "GDPR Art. 88(2)", "ISO 27001 8.15"],
    },
  },
];

describe.each(families)("the $subject family", ({ subject, platforms, primaryRegulations, keyControls }) => {
  const family = real.guides.filter((guide) => guide.subject.slug === subject);

  it.skipIf(!keyControls)("cites in each guide the requirements its action is about", () => {
    const missing = family.flatMap((guide) => {
      const cited = new Set(guide.controls?.map((control) => `${control.framework.label} ${control.id}`));
      return (keyControls?.[guide.action.slug] ?? []).filter((id) => !cited.has(id)).map((id) => `${guide.slug}: ${id}`);
    });
    expect(family.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it.each(platforms)("has a published structured detect, prevent and fix guide on %s", (platform) => {
    const found = family.filter((guide) => guide.platform.slug === platform);
    expect(found.map((guide) => guide.action.slug).sort()).toEqual(["detect", "fix", "prevent"]);
    for (const guide of found) {
      expect(guide.status, guide.slug).toBe("published");
      expect(guide.format, guide.slug).toBe("structured");
      expect(guide.reviewed, guide.slug).toBeDefined();
      if (subject === "api-keys-secrets-tokens") expect(guide.risk.slug, guide.slug).toBe("insecure-apis");
      if (primaryRegulations) expect(primaryRegulations, guide.slug).toContain(guide.regulation[0]?.slug);
      expect(guide.steps?.length, guide.slug).toBeGreaterThanOrEqual(4);
      expect(guide.steps?.length, guide.slug).toBeLessThanOrEqual(8);
      expect(guide.steps?.filter((step) => step.commands).length, guide.slug).toBeGreaterThanOrEqual(4);
      expect(guide.references?.length, guide.slug).toBeGreaterThanOrEqual(3);
      expect(guide.references?.length, guide.slug).toBeLessThanOrEqual(10);
      expect(guide.best_practices?.length, guide.slug).toBe(3);
      expect(guide.best_practices?.filter((group) => group.pitfalls).length, guide.slug).toBe(1);
      expect(
        guide.controls?.some((control) => control.framework === guide.regulation[0]),
        guide.slug,
      ).toBe(true);
    }
  });

  it("labels every command with a language the highlighter knows", () => {
    const unknown = family.flatMap((guide) =>
      (guide.steps ?? []).flatMap((step, index) =>
        (step.commands ?? []).flatMap((command) =>
          knowsLanguage(command.language) ? [] : [`${guide.slug} step ${index + 1}: ${command.language}`],
        ),
      ),
    );
    expect(family.length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });
});

describe("every guide", () => {
  it("prints only documented example credentials", () => {
    const livePatterns = [
      /\b(?:AKIA|ASIA)(?!IOSFODNN7EXAMPLE)[0-9A-Z]{16}\b/,
      /AIza[\w-]{35}/,
      /\bgh[pousr]_[A-Za-z0-9]{36,}/,
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
      /\b[sr]k_live_[A-Za-z0-9]{10,}/,
      /\bdapi[0-9a-f]{32}\b/,
    ];
    for (const source of readGuideSources(defaultGuidesDir)) {
      for (const pattern of livePatterns) expect(source.text, `${source.displayPath} matches ${pattern}`).not.toMatch(pattern);
    }
  });
});

describe("the README's authoring section", () => {
  it("holds a complete example guide that validates", () => {
    const example = /```markdown\n([\s\S]+?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const folder = temporaryFolder("readme");
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, "detect-configuration-files-aws.md");
    writeFileSync(file, example!);
    const { guides, problems } = readGuides([{ path: file, displayPath: "README example", text: example! }], registry, site);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(guides[0]?.steps?.length).toBeGreaterThan(0);
  });

  it("holds the front-matter reference generated from the schema, up to date", () => {
    expect(withGeneratedReference(readme, registry), "run npm run docs").toBe(readme);
    const reference = readme.slice(readme.indexOf(referenceMarkers.start), readme.indexOf(referenceMarkers.end));
    const documented = [...reference.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(structuredGuideSchema(registry).shape).sort());
  });
});
