// The legacy front matter in canonical form: registry labels, canonical words and numbers, and what is left out.
import { describe, expect, it } from "vitest";
import { canonicalFrontMatter, regulationTerms } from "../../src/authoring/migrate/front-matter.ts";
import { formatReportLine, type ReportLine } from "../../src/authoring/migrate/report.ts";
import { loadRegistry } from "../../src/taxonomy/registry.ts";

const registry = loadRegistry();

function canonical(data: Record<string, unknown>) {
  const report: ReportLine[] = [];
  return { front: canonicalFrontMatter(data, registry, report), report: report.map(formatReportLine) };
}

const legacy = {
  layout: "base.njk",
  title: "  Find keys  ",
  description: "What it does.",
  platform: "aws",
  risk: "insecure APIs",
  regulation: "SOC 2",
  difficulty: "beginner",
  status: "published",
};

describe("canonical front matter", () => {
  it("writes a review date read as a date back as YYYY-MM-DD", () => {
    expect(canonical({ ...legacy, reviewed: new Date("2026-02-03T00:00:00Z") }).front.reviewed).toBe("2026-02-03");
    expect(canonical({ ...legacy, reviewed: "2026-02-03" }).front.reviewed).toBe("2026-02-03");
  });

  it("keeps canonical values as they are, trims the title, and drops the layout", () => {
    expect(canonical(legacy)).toEqual({
      front: {
        title: "Find keys",
        description: "What it does.",
        platform: "AWS",
        risk: "insecure APIs",
        regulation: "SOC 2",
        difficulty: "beginner",
        status: "published",
        order: undefined,
      },
      report: ["dropped, the site computes it: layout: base.njk (structured guides get the guide layout without asking)"],
    });
  });

  it("writes aliases as the registry's labels, and says so unless only the case differs", () => {
    const { front, report } = canonical({
      ...legacy,
      platform: "Amazon Web Services",
      risk: "Insecure APIs",
      regulation: ["PCI DSS v4", "soc2"],
    });
    expect(front).toMatchObject({ platform: "AWS", risk: "insecure APIs", regulation: ["PCI-DSS", "SOC 2"] });
    expect(report.filter((line) => line.startsWith("fixed"))).toEqual([
      'fixed: platform: "Amazon Web Services" is written as the registry\'s "AWS"',
      'fixed: regulation: "PCI DSS v4" is written as the registry\'s "PCI-DSS"',
      'fixed: regulation: "soc2" is written as the registry\'s "SOC 2"',
    ]);
  });

  it("leaves a value the registry does not know as written, so validation names it", () => {
    const { front, report } = canonical({ ...legacy, platform: "Azzure" });
    expect(front.platform).toBe("Azzure");
    expect(report.filter((line) => line.includes("Azzure"))).toEqual([]);
  });

  it("writes words in lower case with hyphens and quoted whole numbers as numbers", () => {
    const { front, report } = canonical({ ...legacy, difficulty: "Intermediate", status: "Coming Soon", order: " 2 " });
    expect(front).toMatchObject({ difficulty: "intermediate", status: "coming-soon", order: 2 });
    expect(report).toEqual(
      expect.arrayContaining([
        'fixed: difficulty: "Intermediate" became "intermediate"',
        'fixed: status: "Coming Soon" became "coming-soon"',
        'fixed: order: " 2 " became 2',
      ]),
    );
    expect(canonical({ ...legacy, order: "first" }).front.order).toBe("first");
  });

  it("drops the legacy collection tag and keeps the others", () => {
    const { front, report } = canonical({ ...legacy, tags: ["Guides", "iam"] });
    expect(front.tags).toEqual(["iam"]);
    expect(report).toContain('dropped, the site computes it: tag "guides" (the legacy collection tag; the site lists every guide itself)');
    expect(canonical({ ...legacy, tags: "guides" }).front).not.toHaveProperty("tags");
    expect(canonical({ ...legacy, tags: "iam" }).front.tags).toEqual(["iam"]);
  });

  it("keeps action, subject and reviewed as written", () => {
    const { front } = canonical({ ...legacy, action: "detect", subject: "PII", reviewed: "2026-01-02" });
    expect(front).toMatchObject({ action: "detect", subject: "PII", reviewed: "2026-01-02" });
  });

  it("leaves out a meta_title longer than a search result shows, and keeps a shorter one", () => {
    const long = canonical({ ...legacy, meta_title: "x".repeat(71) });
    expect(long.front).not.toHaveProperty("meta_title");
    expect(long.report).toContainEqual(
      expect.stringMatching(/^left out: meta_title "x{71}" is 71 characters, more than the 70 a search result shows/),
    );
    expect(canonical({ ...legacy, meta_title: " Short " }).front.meta_title).toBe("Short");
  });

  it("warns about a field the structured format has no place for", () => {
    expect(canonical({ ...legacy, author: "Sam" }).report).toContain(
      'WARNING: front-matter field author: "Sam" has no place in a structured guide and was left out: move what matters into a section',
    );
  });
});

describe("the regulations of a guide", () => {
  it("resolves one value or a list to registry terms, leaving out what the registry does not know", () => {
    expect(regulationTerms(["PCI DSS v4", "nope", 3], registry).map((term) => term.slug)).toEqual(["pci-dss"]);
    expect(regulationTerms("SOC 2", registry).map((term) => term.slug)).toEqual(["soc-2"]);
    expect(regulationTerms(undefined, registry)).toEqual([]);
  });
});
