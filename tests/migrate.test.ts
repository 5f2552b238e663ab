// `npm run migrate`: legacy fixtures are migrated, validated, and built side by side with their originals,
// so every section can be compared as a reader sees it.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HTMLElement, parse as parseHtml, type Node } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { blockMarkdown, formatReportLine, guessCommandEffect, migrateLegacyGuide, type MigrationResult } from "../src/authoring/migrate.ts";
import { readGuides } from "../src/content/guide.ts";
import { readGuideSources } from "../src/content/plugin.ts";
import { formatProblem } from "../src/content/problems.ts";
import { createBodyRenderer, createFieldRenderer } from "../src/markdown/plugin.ts";
import { projectRoot } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { buildGuides, fixturesDir, temporaryFolder, textOf, type BuiltSite } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const fixtures = path.join(fixturesDir, "legacy-migration");
const legacyFolder = path.join(fixtures, "guides");
const defectFile = path.join(fixtures, "defects", "fix-exposure-of-pci-data-aws.md");
const inputs = [...readdirSync(legacyFolder).map((name) => path.join(legacyFolder, name)), defectFile];

interface Migration {
  legacyText: string;
  result: MigrationResult;
  front: Record<string, unknown>;
}

const migrations = new Map<string, Migration>(
  inputs.map((file) => {
    const legacyText = readFileSync(file, "utf8");
    const result = migrateLegacyGuide(legacyText, `guides/${path.basename(file)}`, registry, site);
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(result.output ?? "")?.[1] ?? "") as Record<string, unknown>;
    return [path.basename(file, ".md"), { legacyText, result, front }];
  }),
);

function migration(slug: string): Migration {
  const found = migrations.get(slug);
  if (!found) throw new Error(`no fixture ${slug}`);
  return found;
}

const reportOf = (slug: string) => migration(slug).result.report.map(formatReportLine);

let migratedFolder: string;
let legacySite: BuiltSite;
let migratedSite: BuiltSite;

beforeAll(async () => {
  migratedFolder = path.join(temporaryFolder("migrated"), "guides");
  mkdirSync(migratedFolder);
  for (const [slug, { result }] of migrations) writeFileSync(path.join(migratedFolder, `${slug}.md`), result.output ?? "");

  const legacyCopy = path.join(temporaryFolder("legacy"), "guides");
  mkdirSync(legacyCopy);
  for (const name of readdirSync(legacyFolder)) copyFileSync(path.join(legacyFolder, name), path.join(legacyCopy, name));
  // The legacy site could never build the defective file; its buildable twin is the file without the
  // line before the front matter and the code fence around it.
  const defective = readFileSync(defectFile, "utf8");
  writeFileSync(
    path.join(legacyCopy, path.basename(defectFile)),
    defective.slice(defective.indexOf("---\n"), defective.lastIndexOf("```")),
  );

  // The guide that lost its status to a missing section is a draft; build drafts so it can be compared.
  // One build at a time: the search indexer is one process per test file, and a build closes it.
  legacySite = await buildGuides(legacyCopy, { includeDrafts: true });
  migratedSite = await buildGuides(migratedFolder, { includeDrafts: true });
});

// --- What a reader sees, section by section -----------------------------------------------------------

interface Sections {
  why: string[];
  risk: string;
  prerequisites: string[][];
  spotlight?: string[];
  steps: { title: string; body: string[]; command: string }[];
  components: string[][];
  flow: string[];
  practices: { title: string; items: string[]; pitfalls: boolean }[];
  references: string[][];
}

const texts = (root: HTMLElement, selector: string) => root.querySelectorAll(selector).map(textOf);
const childParagraphs = (element: HTMLElement | null) =>
  (element?.childNodes ?? []).filter((node): node is HTMLElement => node instanceof HTMLElement && node.localName === "p").map(textOf);

function legacySections(page: HTMLElement): Sections {
  const body = page.querySelector(".legacy-body")!;
  const spotlight = body.querySelector(".cyera-highlight");
  return {
    why: texts(body, ".intro-section > p"),
    risk: textOf(body.querySelector(".risk-highlight")).replace(/^Primary Risk:\s*/i, ""),
    prerequisites: body.querySelectorAll(".prereq-card").map((card) => texts(card, "li")),
    spotlight: spotlight ? [textOf(spotlight.querySelector("h3")), textOf(spotlight.querySelector("p"))] : undefined,
    steps: body.querySelectorAll(".step").map((step) => ({
      title: textOf(step.querySelector(".step-title")),
      body: childParagraphs(step),
      command: textOf(step.querySelector(".code-block")),
    })),
    components: body.querySelectorAll(".component-card").map((card) => [textOf(card.querySelector("h4")), textOf(card.querySelector("p"))]),
    flow: texts(body, ".flow-step"),
    practices: body.querySelectorAll(".practice-card").map((card) => {
      const title = textOf(card.querySelector("h4"));
      return { title, items: texts(card, "li"), pitfalls: card.classList.contains("warning-card") || /pitfall/i.test(title) };
    }),
    references: body
      .querySelectorAll(".references-section a")
      .map((link) => [textOf(link), link.getAttribute("href") ?? ""])
      .filter(([, href]) => /^https?:/.test(href!)),
  };
}

function migratedSections(page: HTMLElement): Sections {
  const section = (id: string) => page.querySelector(`section[aria-labelledby=${id}]`)!;
  const spotlight = page.querySelector(".spotlight");
  return {
    why: childParagraphs(section("why-it-matters").querySelector(".prose")),
    risk: textOf(page.querySelector(".callout--risk")),
    prerequisites: section("prerequisites")
      .querySelectorAll(".card")
      .map((card) => texts(card, "li")),
    spotlight: spotlight ? [textOf(spotlight.querySelector("h2")), textOf(spotlight.querySelector("p"))] : undefined,
    steps: page.querySelectorAll(".steps > li.step").map((step) => ({
      title: textOf(step.querySelector(".step__title")),
      body: childParagraphs(step.querySelector(".prose")),
      command: textOf(step.querySelector("pre.command code")),
    })),
    components: section("architecture")
      .querySelectorAll(".cards--components .card")
      .map((card) => [textOf(card.querySelector("h3")), textOf(card.querySelector("p"))]),
    flow: texts(page, ".flow__stage"),
    practices: section("best-practices")
      .querySelectorAll(".card")
      .map((card) => ({
        title: textOf(card.querySelector("h3")),
        items: texts(card, "li"),
        pitfalls: card.classList.contains("card--pitfalls"),
      })),
    references: page.querySelectorAll(".references a").map((link) => [textOf(link), link.getAttribute("href") ?? ""]),
  };
}

/** The words of every text node: the layout writes list items back to back, so joined text would fuse words. */
function words(node: Node): string[] {
  if (node instanceof HTMLElement) return node.childNodes.flatMap(words);
  return node.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The share of the legacy body's words (less what the site now computes: the header with its Liquid
 * placeholders and tag links, step numbers, flow arrows and next-step links) found in the migrated page.
 */
function textSurvival(legacyPage: HTMLElement, migratedPage: HTMLElement): { share: number; found: number; total: number } {
  const body = legacyPage.querySelector(".legacy-body")!;
  for (const computed of body.querySelectorAll(".header, .next-steps, .step-number, .flow-arrow")) computed.remove();
  const available = new Map<string, number>();
  for (const word of words(migratedPage.querySelector("article")!)) available.set(word, (available.get(word) ?? 0) + 1);
  const legacy = words(body);
  let found = 0;
  for (const word of legacy) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found++;
      available.set(word, left - 1);
    }
  }
  return { share: found / legacy.length, found, total: legacy.length };
}

const builtGuides = [
  "detect-customer-data-databricks",
  "detect-pii-snowflake",
  "fix-exposure-of-pci-data-aws",
  "fix-exposure-of-employee-data-azure",
];

describe("npm run migrate on the legacy fixtures", () => {
  it("produces guides that the project's validator accepts", () => {
    for (const [slug, { result }] of migrations) expect(result.problems.map(formatProblem), slug).toEqual([]);
    const { guides, problems } = readGuides(readGuideSources(migratedFolder), registry, site);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(guides.map((guide) => [guide.slug, guide.format, guide.status]).sort()).toEqual([
      ["detect-customer-data-databricks", "structured", "published"],
      ["detect-pii-snowflake", "structured", "published"],
      ["fix-exposure-of-employee-data-azure", "structured", "draft"],
      ["fix-exposure-of-pci-data-aws", "structured", "published"],
      ["prevent-exposure-of-phi-gcp", "structured", "coming-soon"],
    ]);
  });

  it("writes the front matter in the README's key order, without the legacy layout and collection tag", () => {
    const { front, result } = migration("detect-customer-data-databricks");
    expect(Object.keys(front)).toEqual([
      "title",
      "description",
      "meta_title",
      "platform",
      "risk",
      "regulation",
      "difficulty",
      "status",
      "order",
      "tags",
      "primary_risk",
      "prerequisites",
      "spotlight",
      "steps",
      "architecture",
      "best_practices",
      "references",
    ]);
    expect(front.tags).toEqual(["unity catalog"]);
    expect(result.output).toContain("tags: [unity catalog]");
    // A body of several paragraphs is a block scalar, not one long quoted line.
    expect(result.output).toMatch(/ {4}body: \|-\n {6}Column names such as `email`/);
  });

  it.each(builtGuides)("%s: the migrated page shows every section of the legacy page", (slug) => {
    const legacy = legacySections(legacySite.page(`/guides/${slug}/`));
    const migrated = migratedSections(migratedSite.page(`/guides/${slug}/`));
    expect(legacy.why.length).toBeGreaterThan(0);
    expect(migrated.why).toEqual(legacy.why);
    expect(migrated.risk).toContain(legacy.risk);
    expect(migrated.prerequisites).toEqual(legacy.prerequisites);
    if (legacy.spotlight) expect(migrated.spotlight).toEqual(legacy.spotlight);
    expect(migrated.steps).toEqual(legacy.steps);
    expect(migrated.components).toEqual(legacy.components);
    expect(migrated.flow).toEqual(legacy.flow);
    expect(migrated.practices).toEqual(legacy.practices);
    expect(migrated.references).toEqual(legacy.references);
  });

  it.each(builtGuides)("%s: at least 97% of the legacy body's words survive", (slug) => {
    const { share, found, total } = textSurvival(legacySite.page(`/guides/${slug}/`), migratedSite.page(`/guides/${slug}/`));
    console.log(`text survival ${slug}: ${(share * 100).toFixed(1)}% (${found} of ${total} words)`);
    expect(share).toBeGreaterThanOrEqual(0.97);
  });

  it("guesses each command's effect from its verbs, reports every guess, and warns on destructive ones", () => {
    const { front } = migration("detect-customer-data-databricks");
    const steps = front.steps as { command: { effect: string; language: string; warning?: string } }[];
    expect(steps.map((step) => step.command.effect)).toEqual(["reads", "reads", "reads", "changes", "destructive"]);
    expect(steps.map((step) => step.command.language)).toEqual(["bash", "sql", "bash", "bash", "bash"]);
    expect(steps[4]!.command.warning).toMatch(/^Migrated from a legacy guide .*"rm".*review .* before running it\.$/);
    const guesses = reportOf("detect-customer-data-databricks").filter((line) => line.startsWith("guessed"));
    expect(guesses).toHaveLength(5);
    expect(guesses[4]).toMatch(/steps\[4\]\.command: effect destructive \(from "rm"\)/);
    // The built page labels the block and shows the warning.
    const step = migratedSite.page("/guides/detect-customer-data-databricks/").querySelector("#step-5")!;
    expect(textOf(step.querySelector(".command-block__effect"))).toBe("Destructive: cannot be undone");
    expect(textOf(step.querySelector(".command-block__warning"))).toContain("judged destructive");
  });

  it.each([
    ["aws iam list-access-keys --user-name <user>", "reads"],
    ["Get-AzKeyVaultSecret -VaultName <vault>", "reads"],
    ["SHOW GRANTS ON TABLE crm.public.contacts;", "reads"],
    ["az ad sp create-for-rbac --name scanner --query appId", "changes"],
    ["kubectl apply -f policy.yaml", "changes"],
    ["Remove-AzKeyVaultSecret -VaultName <vault> -Name <name>", "destructive"],
    ["git filter-repo --path config/.env --invert-paths", "destructive"],
    ["gcloud secrets versions destroy 3 --secret=<name>", "destructive"],
    ["git push --force origin main", "destructive"],
    ['az keyvault create --name "<vault-name>" --enable-soft-delete true', "changes"],
    ["aws s3 sync ./site s3://<bucket-name>/ --delete", "destructive"],
    ["DROP TABLE staging.customer_export;", "destructive"],
  ])("guesses that `%s` %s", (code, effect) => {
    expect(guessCommandEffect(code).effect).toBe(effect);
  });

  it("keeps an unknown section, a custom div and a non-web reference verbatim in legacy_content, and reports them", () => {
    const { legacyText, front, result } = migration("detect-pii-snowflake");
    const legacy = parseHtml(legacyText);
    const verbatim = (selector: string) => {
      const element = legacy.querySelector(selector)!;
      return legacyText.slice(element.range[0], element.range[1]);
    };
    const kept = front.legacy_content as string;
    expect(kept).toContain(verbatim(".sample-findings"));
    expect(kept).toContain(verbatim(".note-box"));
    expect(kept).toContain(verbatim(".regulation-highlight"));
    expect(kept).toContain('<li><a href="/internal/classification-runbook">Internal classification runbook</a></li>');
    // The output is a block scalar, so the HTML reads as it was written.
    expect(result.output).toContain('legacy_content: |-\n  <div class="regulation-highlight">');

    const report = reportOf("detect-pii-snowflake");
    expect(report).toContainEqual(
      expect.stringMatching(/^kept in legacy_content: <div class="content-section sample-findings"> "Sample Classification Results/),
    );
    expect(report).toContainEqual(expect.stringMatching(/^kept in legacy_content: <div class="note-box">/));
    expect(report).toContainEqual(expect.stringMatching(/^kept in legacy_content: <li> "Internal classification runbook"/));
    expect(report).toContainEqual(expect.stringMatching(/^left out: HTML comment "TODO: add a spotlight for this guide"/));

    const section = migratedSite.page("/guides/detect-pii-snowflake/").querySelector("section[aria-labelledby=legacy-content]")!;
    expect(texts(section, "table td")).toEqual(["CONTACT_EMAIL", "EMAIL", "IDENTIFIER", "BIRTH_DATE", "DATE_OF_BIRTH", "QUASI_IDENTIFIER"]);
    expect(textOf(section)).toContain("including the rights added by the CPRA");
  });

  it("leaves out a meta_title longer than a search result shows, and says so", () => {
    expect(migration("detect-pii-snowflake").front.meta_title).toBeUndefined();
    expect(reportOf("detect-pii-snowflake")).toContainEqual(expect.stringMatching(/^left out: meta_title ".*" is 88 characters/));
    expect(textOf(migratedSite.page("/guides/detect-pii-snowflake/").querySelector("title"))).toBe(
      `Snowflake PII Detection | ${site.name}`,
    );
  });

  it("fixes the common legacy defects: text before the front matter, a wrapping code fence, aliases, quoted numbers", () => {
    const { front, result } = migration("fix-exposure-of-pci-data-aws");
    expect(result.output).toMatch(/^---\ntitle: AWS Cardholder Data Exposure Remediation\n/);
    expect(result.output).not.toContain("```");
    expect(front).toMatchObject({ regulation: "PCI-DSS", order: 1, status: "published", difficulty: "advanced", platform: "AWS" });
    expect(front.legacy_content).toBe("Here is the remediation guide in the site's format:");
    expect(reportOf("fix-exposure-of-pci-data-aws")).toEqual(
      expect.arrayContaining([
        "fixed: removed 2 lines before the front matter, so the file starts with it",
        "fixed: unwrapped the code fence around the whole file",
        'fixed: regulation: "PCI DSS" is written as the registry\'s "PCI-DSS"',
        'fixed: order: "1" became 1',
        'fixed: status: "Published" became "published"',
        expect.stringMatching(/^dropped, the site computes it: regulation callout "Relevant Regulation: PCI DSS Payment Card/),
      ]),
    );
  });

  it("drops what the site computes (header badges and tag links, next steps) and reports it", () => {
    const report = reportOf("detect-customer-data-databricks");
    expect(report).toContain(
      'dropped, the site computes it: header: title, description, badge "Data Exposure", badge "GDPR" (the layout draws the header and its tag links)',
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^dropped, the site computes it: next steps "Prevent: restrict access to customer tables"/),
    );
    expect(migration("detect-customer-data-databricks").result.output).not.toContain("action-button");
  });

  it("migrates a coming-soon guide with Liquid tag links in its header, and both pages show only the header and a notice", () => {
    const { front } = migration("prevent-exposure-of-phi-gcp");
    expect(front).toMatchObject({ status: "coming-soon", platform: "GCP", regulation: "HIPAA" });
    expect(front.primary_risk).toBe("Patient records reachable by principals outside the care team");
    expect((front.steps as { title: string }[]).map((step) => step.title)).toEqual(["Enforce public access prevention"]);
    expect(reportOf("prevent-exposure-of-phi-gcp")).toContain(
      'dropped, the site computes it: header: title, description, tag links "Coming Soon" (the layout draws the header and its tag links)',
    );
    for (const built of [legacySite, migratedSite]) {
      const page = built.page("/guides/prevent-exposure-of-phi-gcp/");
      expect(textOf(page.querySelector("h1"))).toBe("GCP Health Record Exposure Prevention");
      expect(textOf(page.querySelector(".notice h2"))).toBe("Coming soon");
      expect(built.html("/guides/prevent-exposure-of-phi-gcp/")).not.toContain("Clinical datasets land in analytics projects");
    }
  });

  it("writes a published guide that lacks a required section as a draft, and says why loudly", () => {
    expect(migration("fix-exposure-of-employee-data-azure").front.status).toBe("draft");
    expect(reportOf("fix-exposure-of-employee-data-azure")).toContainEqual(
      expect.stringMatching(/^WARNING: status: published became draft, because a published guide needs architecture/),
    );
  });

  it("writes markdown that renders back to the legacy text, special characters included", () => {
    const html =
      '<p>Use *wildcards*_carefully_ with [brackets], <code>a`b</code>, &lt;placeholders&gt;, a ~~tilde~~, &amp;amp; and a <a href="https://example.com/a (b)">link</a>.</p>';
    const markdown = blockMarkdown(parseHtml(html).querySelector("p")!)!;
    for (const renderer of [createFieldRenderer(), createBodyRenderer()]) {
      expect(textOf(parseHtml(renderer.render(markdown)))).toBe(textOf(parseHtml(html)));
    }
    for (const start of ["# not a heading", "1. not a list", "- not a list", "> not a quote"]) {
      const rendered = parseHtml(createBodyRenderer().render(blockMarkdown(parseHtml(`<p>${start}</p>`).querySelector("p")!)!));
      expect(rendered.querySelector("h1, ol, ul, blockquote"), start).toBeNull();
      expect(textOf(rendered)).toBe(textOf(parseHtml(start)));
    }
  });
});

describe("the npm run migrate command", () => {
  function migrateCommand(args: string[]) {
    return spawnSync("npx", ["tsx", "src/cli/migrate.ts", ...args], { cwd: projectRoot, encoding: "utf8" });
  }

  it("writes each guide under its own file name, refuses to overwrite without --force, and replaces with it", () => {
    const out = temporaryFolder("migrate-cli");
    const first = migrateCommand([legacyFolder, defectFile, "--out", out]);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...migrations.keys()].map((slug) => `${slug}.md`).sort());
    for (const [slug, { result }] of migrations) expect(readFileSync(path.join(out, `${slug}.md`), "utf8")).toBe(result.output);
    expect(first.stdout).toContain('guessed, review it: steps[4].command: effect destructive (from "rm")');
    expect(first.stdout).toContain('kept in legacy_content: <div class="content-section sample-findings">');

    const existing = path.join(out, "detect-pii-snowflake.md");
    const removed = path.join(out, "detect-customer-data-databricks.md");
    writeFileSync(existing, "edited by hand\n");
    rmSync(removed);
    const refused = migrateCommand([
      path.join(legacyFolder, "detect-pii-snowflake.md"),
      path.join(legacyFolder, "detect-customer-data-databricks.md"),
      "--out",
      out,
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("exists; pass --force to replace it");
    expect(readFileSync(existing, "utf8")).toBe("edited by hand\n");
    // The refusal is per file: the other guide is still written.
    expect(existsSync(removed)).toBe(true);

    const forced = migrateCommand([path.join(legacyFolder, "detect-pii-snowflake.md"), "--out", out, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(existing, "utf8")).toBe(migration("detect-pii-snowflake").result.output);
  });

  it("does not write a guide that would not validate, and exits 1", () => {
    const out = temporaryFolder("migrate-invalid");
    const result = migrateCommand([path.join(fixtures, "invalid"), "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('platform: unknown platform "Azzure": did you mean "azure"?');
    expect(result.stderr).toContain("not written: the migrated guide does not validate");
    expect(existsSync(path.join(out, "detect-pii-azure.md"))).toBe(false);
  });

  it("prints its usage and exits 1 without input", () => {
    const result = migrateCommand([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Usage: npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]");
  });
});
