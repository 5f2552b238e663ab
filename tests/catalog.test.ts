// The catalog's views, tested directly on guides made in memory: what each listing, next step,
// coverage cell, facet and date is computed from.
import { describe, expect, it } from "vitest";
import {
  buildCatalog,
  coverageOf,
  listedGuides,
  nextStepsOf,
  searchFacetsOf,
  subjectSections,
  termListingsOf,
  termPagesOf,
  termPageUrl,
  updatedDates,
} from "../src/catalog/catalog.ts";
import { controlAnchor, controlsOf, guidesPerControl } from "../src/catalog/crosswalk.ts";
import { pageLinksFrom } from "../src/catalog/paging.ts";
import { guideUrl, type Guide } from "../src/content/guide.ts";
import type { Status } from "../src/content/schema.ts";
import { loadRegistry, type ActionTerm, type RegulationTerm, type TaxonomyKind, type Term } from "../src/taxonomy/registry.ts";

const registry = loadRegistry();
const term = <T extends Term>(kind: TaxonomyKind, slug: string) => {
  const found = registry.resolve(kind, slug);
  expect(found, `${kind} ${slug}`).toBeDefined();
  return found as T;
};

/** A guide as readGuide returns it, with only what the catalog reads. */
function guide(
  slug: string,
  fields: {
    status?: Status;
    title?: string;
    order?: number;
    reviewed?: string;
    risk?: string;
    regulation?: string[];
    controls?: [framework: string, id: string, summary?: string][];
  } = {},
): Guide {
  const [action = "", subject = "", platform = "", ...qualifier] = slug.split(" ");
  return {
    title: fields.title ?? slug,
    description: "A guide.",
    platform: term("platforms", platform),
    risk: term("risks", fields.risk ?? "data-exposure"),
    regulation: (fields.regulation ?? ["gdpr"]).map((name) => term<RegulationTerm>("regulations", name)),
    difficulty: "beginner",
    status: fields.status ?? "published",
    order: fields.order ?? 0,
    tags: [],
    reviewed: fields.reviewed,
    controls: fields.controls?.map(([framework, id, summary = `What ${id} asks.`]) => ({
      framework: term<RegulationTerm>("regulations", framework),
      id,
      summary,
    })),
    inputPath: `/guides/${slug.replace(/ /g, "-")}.md`,
    displayPath: `guides/${slug.replace(/ /g, "-")}.md`,
    slug: slug.replace(/ /g, "-"),
    qualifier: qualifier.join("-"),
    url: guideUrl(slug.replace(/ /g, "-")),
    format: "structured",
    pageTitle: slug,
    action: term<ActionTerm>("actions", action),
    subject: term("subjects", subject),
    body: "Why.",
    spotlight: false,
  };
}

describe("the catalog", () => {
  it("lists drafts only when drafts are built, in action order, then order, then title", () => {
    const guides = [
      guide("fix pii aws", { title: "B" }),
      guide("detect pii aws", { title: "Z", order: 2 }),
      guide("detect pii gcp", { title: "A", order: 2 }),
      guide("detect pii azure", { title: "Y", order: 1 }),
      guide("prevent pii aws", { status: "draft" }),
    ];
    expect(listedGuides(guides, registry, false).map((listed) => listed.slug)).toEqual([
      "detect-pii-azure",
      "detect-pii-gcp",
      "detect-pii-aws",
      "fix-pii-aws",
    ]);
    expect(listedGuides(guides, registry, true).map((listed) => listed.slug)).toContain("prevent-pii-aws");
  });

  it("groups a subject's guides by platform in registry order", () => {
    const listed = listedGuides(
      [guide("detect pii gcp"), guide("fix pii aws"), guide("detect api-keys-secrets-tokens azure")],
      registry,
      false,
    );
    expect(subjectSections(listed, registry).map((section) => [section.subject.slug, section.guides.map((entry) => entry.slug)])).toEqual([
      ["api-keys-secrets-tokens", ["detect-api-keys-secrets-tokens-azure"]],
      ["pii", ["fix-pii-aws", "detect-pii-gcp"]],
    ]);
  });

  it("gives a term a page only when a listed guide uses it, and lists coming-soon guides apart", () => {
    const listed = listedGuides(
      [
        guide("detect pii aws", { regulation: ["gdpr", "hipaa"] }),
        guide("fix pii aws", { status: "coming-soon" }),
        guide("prevent pii gcp"),
      ],
      registry,
      false,
    );
    const pages = termPagesOf(listed, registry, "regulations");
    expect(pages.map((page) => page.term.slug)).toEqual(
      ["gdpr", "hipaa"].sort((a, b) => registry.slugs("regulations").indexOf(a) - registry.slugs("regulations").indexOf(b)),
    );
    const gdpr = pages.find((page) => page.term.slug === "gdpr");
    expect(gdpr?.url).toBe("/regulation/gdpr/");
    expect(gdpr?.count).toBe(3);
    expect(gdpr?.groups.map((group) => [group.action.slug, group.guides.map((entry) => entry.slug)])).toEqual([
      ["detect", ["detect-pii-aws"]],
      ["prevent", ["prevent-pii-gcp"]],
    ]);
    expect(gdpr?.comingSoon.map((entry) => entry.slug)).toEqual(["fix-pii-aws"]);
    expect(gdpr?.platforms.map((platform) => platform.slug)).toEqual(["aws", "gcp"]);
    expect(termPageUrl("risks", term("risks", "data-exposure"))).toBe("/risk/data-exposure/");
    expect(gdpr?.searchUrl).toBe("/search/?regulation=gdpr");
  });

  it("cuts a term's guides into pages in reading order, the first at the term's URL, the crosswalk on the first only", () => {
    const listed = listedGuides(
      [
        ...["aws", "azure", "gcp"].map((platform) => guide(`detect pii ${platform}`, { controls: [["gdpr", "Art. 32"]] })),
        ...["aws", "azure"].map((platform) => guide(`prevent pii ${platform}`)),
        guide("fix pii aws", { status: "coming-soon" }),
      ],
      registry,
      false,
    );
    const gdpr = termPagesOf(listed, registry, "regulations").find((page) => page.term.slug === "gdpr")!;
    const pages = termListingsOf(gdpr, 4);
    expect(pages.map((page) => page.url)).toEqual(["/regulation/gdpr/", "/regulation/gdpr/page/2/"]);
    expect(pages.map((page) => [page.pagination.number, page.pagination.first, page.pagination.last])).toEqual([
      [1, 1, 4],
      [2, 5, 6],
    ]);
    const shares = pages.map((page) => [
      ...page.groups.map((group) => [group.action.slug, group.guides.map((entry) => entry.platform.slug)]),
      ["coming soon", page.comingSoon.map((entry) => entry.slug)],
    ]);
    expect(shares).toEqual([
      [
        ["detect", ["aws", "azure", "gcp"]],
        ["prevent", ["aws"]],
        ["coming soon", []],
      ],
      [
        ["prevent", ["azure"]],
        ["coming soon", ["fix-pii-aws"]],
      ],
    ]);
    expect(pages.map((page) => page.controls.length)).toEqual([1, 0]);
    for (const page of pages) expect(page.pagination.pages).toEqual(pages.map(({ url }, index) => ({ number: index + 1, url })));
    expect(pages.every((page) => page.count === 6)).toBe(true);
    expect(pages[0]!.pagination.links).toEqual(pages[0]!.pagination.pages);
    // A term that fits on one page has that page alone, at its own URL.
    expect(termListingsOf(gdpr, 50).map((page) => page.url)).toEqual(["/regulation/gdpr/"]);
  });

  it("links each listing page to a few dozen pages at most, from which any page is three clicks away", () => {
    expect(pageLinksFrom(181, 2000)).toEqual([
      1, 100, 110, 120, 130, 140, 150, 160, 170, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 200, 300, 400, 500, 600, 700,
      800, 900, 1000, 2000,
    ]);
    expect(pageLinksFrom(2, 5)).toEqual([1, 2, 3, 4, 5]);
    for (const total of [1, 9, 10, 11, 99, 100, 101, 2000, 54321]) {
      // Breadth first from page 1, following each page's links and its previous and next page.
      const reached = new Map([[1, 0]]);
      let frontier = [1];
      for (let clicks = 1; frontier.length > 0 && clicks <= 5; clicks++) {
        const next: number[] = [];
        for (const page of frontier) {
          const links = pageLinksFrom(page, total);
          expect(links.length, `page ${page} of ${total}`).toBeLessThanOrEqual(10 * Math.ceil(Math.log10(total + 1)) + 6);
          for (const linked of [...links, page - 1, page + 1].filter((number) => number >= 1 && number <= total)) {
            if (!reached.has(linked)) {
              reached.set(linked, clicks);
              next.push(linked);
            }
          }
        }
        frontier = next;
      }
      expect(reached.size, `pages of ${total} reached`).toBe(total);
      expect(Math.max(...reached.values()), `clicks to the farthest of ${total} pages`).toBeLessThanOrEqual(
        Math.ceil(Math.log10(total + 1)) + 1,
      );
    }
  });

  it("offers each guide its siblings: the same qualifier first, else the plain guide; never a draft; coming soon without a link", () => {
    const listed = listedGuides(
      [
        guide("detect pii aws"),
        guide("detect pii aws s3-buckets"),
        guide("fix pii aws", { status: "coming-soon" }),
        guide("prevent pii aws", { status: "draft" }),
        guide("prevent pii aws s3-buckets"),
      ],
      registry,
      true,
    );
    const steps = nextStepsOf(listed, registry);
    const summary = (url: string) => steps[url]?.map((step) => `${step.action.slug}:${step.url ?? "(soon)"}`);
    expect(summary("/guides/detect-pii-aws/")).toEqual(["fix:(soon)"]);
    expect(summary("/guides/detect-pii-aws-s3-buckets/")).toEqual(["prevent:/guides/prevent-pii-aws-s3-buckets/", "fix:(soon)"]);
    expect(summary("/guides/fix-pii-aws/")).toEqual(["detect:/guides/detect-pii-aws/"]);
  });

  it("draws every subject × platform × action, with the first guide of each cell", () => {
    const listed = listedGuides(
      [guide("detect pii aws", { title: "A" }), guide("detect pii aws s3-buckets", { title: "B" })],
      registry,
      false,
    );
    const coverage = coverageOf(listed, registry);
    expect(coverage).toHaveLength(registry.terms.subjects.length);
    for (const row of coverage) expect(row.cells).toHaveLength(registry.terms.platforms.length);
    const pii = coverage.find((row) => row.subject.slug === "pii");
    const aws = pii?.cells.find((cell) => cell.platform.slug === "aws");
    expect(aws?.entries.map((entry) => [entry.action.slug, entry.guide?.slug])).toEqual([
      ["detect", "detect-pii-aws"],
      ["prevent", undefined],
      ["fix", undefined],
    ]);
  });

  it("offers search facets only for terms that published guides use", () => {
    const facets = searchFacetsOf([guide("detect pii aws", { risk: "shadow-data", regulation: ["hipaa"] })], registry);
    expect(facets.map((facet) => [facet.name, facet.terms.map((entry) => entry.slug)])).toEqual([
      ["platform", ["aws"]],
      ["action", ["detect"]],
      ["subject", ["pii"]],
      ["risk", ["shadow-data"]],
      ["regulation", ["hipaa"]],
    ]);
    expect(searchFacetsOf([], registry)).toEqual([]);
  });

  it("dates a guide by its review, else its last commit, else a fixed date, so two builds agree", () => {
    const listed = [guide("detect pii aws", { reviewed: "2026-05-01" }), guide("fix pii aws"), guide("prevent pii aws")];
    const { updated, lastUpdated } = updatedDates(listed, new Map([["/guides/fix-pii-aws.md", "2026-07-04"]]));
    expect(updated).toEqual({
      "/guides/detect-pii-aws/": "2026-05-01",
      "/guides/fix-pii-aws/": "2026-07-04",
      "/guides/prevent-pii-aws/": "1970-01-01",
    });
    expect(lastUpdated).toBe("2026-07-04");
  });

  it("keeps the published guides apart, in reading order, for search, feeds and exports", () => {
    const catalog = buildCatalog(
      [guide("fix pii aws"), guide("detect pii aws", { status: "coming-soon" }), guide("prevent pii aws")],
      registry,
      false,
    );
    expect(catalog.listed.map((entry) => entry.slug)).toEqual(["detect-pii-aws", "prevent-pii-aws", "fix-pii-aws"]);
    expect(catalog.published.map((entry) => entry.slug)).toEqual(["prevent-pii-aws", "fix-pii-aws"]);
    expect(catalog.termPages.map((page) => page.url)).toEqual(
      Object.values(catalog.termPagesByKind)
        .flat()
        .map((page) => page.url),
    );
  });

  it("crosswalks a framework's controls in the standard's order, each once, with the guides that map it", () => {
    const listed = listedGuides(
      [
        guide("detect pii aws", {
          controls: [
            ["pci-dss", "10.2.1"],
            ["pci-dss", "8.6.2", "First words."],
            ["gdpr", "Art. 32"],
          ],
        }),
        guide("prevent pii aws", {
          controls: [
            ["pci-dss", "8.6.2", "Other words."],
            ["pci-dss", "8-6-2"],
            ["pci-dss", "8.3.2"],
          ],
        }),
        guide("fix pii aws", { status: "coming-soon", controls: [["pci-dss", "1.1.1"]] }),
      ],
      registry,
      false,
    );
    const controls = controlsOf(listed, term("regulations", "pci-dss"));
    expect(controls.map((control) => [control.id, control.anchor, control.count, control.guides.map((entry) => entry.url)])).toEqual([
      ["8.3.2", "control-8-3-2", 1, ["/guides/prevent-pii-aws/"]],
      ["8.6.2", "control-8-6-2", 2, ["/guides/detect-pii-aws/", "/guides/prevent-pii-aws/"]],
      ["10.2.1", "control-10-2-1", 1, ["/guides/detect-pii-aws/"]],
    ]);
    expect(controls[1]?.summary).toBe("First words.");
    expect(controlAnchor("IA-5(7)")).toBe("control-ia-5-7");
    expect(controlsOf(listed, term("regulations", "hipaa"))).toEqual([]);
  });

  it("links the first guides of a control and counts the rest, so a regulation page stays bounded", () => {
    const many = Array.from({ length: guidesPerControl + 5 }, (_, index) =>
      guide(`detect pii aws n${index}`, { title: `Guide ${String(index).padStart(2, "0")}`, controls: [["soc-2", "CC6.1"]] }),
    );
    const [control] = controlsOf(listedGuides(many, registry, false), term("regulations", "soc-2"));
    expect(control?.guides).toHaveLength(guidesPerControl);
    expect(control?.count).toBe(guidesPerControl + 5);
    const page = termPagesOf(listedGuides(many, registry, false), registry, "regulations").find((entry) => entry.term.slug === "gdpr");
    expect(page?.controls).toEqual([]);
  });
});
