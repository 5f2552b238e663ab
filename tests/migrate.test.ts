// `npm run migrate`: legacy fixtures are migrated, validated, and built side by side with their originals,
// so every section can be compared as a reader sees it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HTMLElement, parse as parseHtml } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { formatReportLine, migrateLegacyGuide, type MigrationResult } from "../src/authoring/migrate/index.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources, sourcesFor } from "../src/content/sources.ts";
import { migrateFiles } from "../src/authoring/migrate/migrate-files.ts";
import { readCommandLine } from "../src/cli/command-line.ts";
import { migrateCommand as migrateCommandLine } from "../src/cli/commands.ts";
import { formatProblem } from "../src/messages/problems.ts";
import { defaultGuidesDir, projectRoot } from "../src/paths.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { buildGuides, fixturesDir, temporaryFolder, textOf, type BuiltSite } from "./helpers/site.ts";
import { wordSurvival } from "./helpers/word-survival.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const fixtures = path.join(fixturesDir, "legacy-migration");
const legacyFolder = path.join(fixtures, "guides");
/** Legacy guides that left placeholders unescaped, and label or wrap their commands in odd ways. */
const placeholderFolder = path.join(fixtures, "placeholders");
const defectFile = path.join(fixtures, "defects", "fix-exposure-of-pci-data-aws.md");
const filesIn = (folder: string) => readdirSync(folder).map((name) => path.join(folder, name));
const inputs = [...filesIn(legacyFolder), ...filesIn(placeholderFolder), defectFile];

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
  for (const file of [...filesIn(legacyFolder), ...filesIn(placeholderFolder)])
    copyFileSync(file, path.join(legacyCopy, path.basename(file)));
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

/**
 * The fixtures compared section by section with their legacy page, and what each legacy page has, so that a
 * selector finding nothing fails instead of comparing nothing with nothing.
 */
const builtGuides = [
  { slug: "detect-customer-data-databricks", spotlight: true, architecture: true },
  { slug: "detect-pii-snowflake", spotlight: false, architecture: true },
  { slug: "fix-exposure-of-pci-data-aws", spotlight: false, architecture: true },
  { slug: "fix-exposure-of-employee-data-azure", spotlight: false, architecture: false },
];
/** The parser cannot read these legacy pages section by section without the migration's placeholder repair; tests below assert their text. */
const placeholderGuides = readdirSync(placeholderFolder).map((name) => path.basename(name, ".md"));

describe("npm run migrate on the legacy fixtures", () => {
  it("produces guides that the project's validator accepts", () => {
    for (const [slug, { result }] of migrations) expect(result.problems.map(formatProblem), slug).toEqual([]);
    const { guides, problems } = readGuides(readGuideSources(migratedFolder), registry, site);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(guides.map((guide) => [guide.slug, guide.format, guide.status]).sort()).toEqual([
      ["detect-customer-data-databricks", "structured", "published"],
      ["detect-passwords-snowflake", "structured", "published"],
      ["detect-pii-snowflake", "structured", "published"],
      ["fix-exposure-of-api-keys-secrets-tokens-azure", "structured", "published"],
      ["fix-exposure-of-employee-data-azure", "structured", "draft"],
      ["fix-exposure-of-pci-data-aws", "structured", "published"],
      ["prevent-exposure-of-configuration-files-aws", "structured", "published"],
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
      "reviewed",
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

  it.each(builtGuides)("$slug: the migrated page shows every section of the legacy page", ({ slug, spotlight, architecture }) => {
    const legacy = legacySections(legacySite.page(`/guides/${slug}/`));
    const migrated = migratedSections(migratedSite.page(`/guides/${slug}/`));
    // Each legacy value is checked for content before it is compared: "" contains "", and [] equals [].
    const filled = (texts: string[]) => texts.length > 0 && texts.every((text) => text !== "");
    expect(filled(legacy.why)).toBe(true);
    expect(migrated.why).toEqual(legacy.why);
    expect(legacy.risk).not.toBe("");
    expect(migrated.risk).toContain(legacy.risk);
    expect(legacy.prerequisites).toHaveLength(3);
    expect(legacy.prerequisites.every(filled)).toBe(true);
    expect(migrated.prerequisites).toEqual(legacy.prerequisites);
    if (spotlight) {
      expect(filled(legacy.spotlight ?? [])).toBe(true);
      expect(migrated.spotlight).toEqual(legacy.spotlight);
    } else {
      expect(legacy.spotlight).toBeUndefined();
      expect(filled([site.spotlight.title, site.spotlight.text])).toBe(true);
      expect(migrated.spotlight).toEqual([site.spotlight.title, site.spotlight.text]);
    }
    expect(legacy.steps.length).toBeGreaterThan(0);
    expect(legacy.steps.every((step) => step.title !== "" && filled(step.body) && step.command !== "")).toBe(true);
    expect(migrated.steps).toEqual(legacy.steps);
    if (architecture) {
      expect(legacy.components.length).toBeGreaterThan(0);
      expect(legacy.components.every(filled)).toBe(true);
      expect(legacy.flow.length).toBeGreaterThanOrEqual(2);
      expect(filled(legacy.flow)).toBe(true);
    } else {
      expect([legacy.components, legacy.flow]).toEqual([[], []]);
    }
    expect(migrated.components).toEqual(legacy.components);
    expect(migrated.flow).toEqual(legacy.flow);
    expect(legacy.practices.length).toBeGreaterThan(0);
    expect(legacy.practices.every((card) => card.title !== "" && filled(card.items))).toBe(true);
    expect(migrated.practices).toEqual(legacy.practices);
    expect(legacy.references.length).toBeGreaterThan(0);
    expect(legacy.references.every(filled)).toBe(true);
    expect(migrated.references).toEqual(legacy.references);
  });

  // Measured on built pages; see wordSurvival for what each side counts.
  it.each([...builtGuides.map(({ slug }) => slug), ...placeholderGuides])(
    "%s: at least 97% of the legacy page's words are on the migrated page",
    (slug) => {
      const url = `/guides/${slug}/`;
      const { share, found, total, lost } = wordSurvival(legacySite.html(url), migratedSite.html(url), {
        ownSpotlight: migration(slug).front.spotlight !== undefined,
      });
      expect(total).toBeGreaterThan(100);
      expect(share, `${found} of ${total} words; lost: ${lost.join(" ")}`).toBeGreaterThanOrEqual(0.97);
    },
  );

  it("guesses each command's effect from its verbs, reports every guess, and warns on destructive ones", () => {
    const { front } = migration("detect-customer-data-databricks");
    const steps = front.steps as { commands: [{ effect: string; language: string; warning?: string }] }[];
    expect(steps.map((step) => step.commands.length)).toEqual([1, 1, 1, 1, 1]);
    expect(steps.map((step) => step.commands[0].effect)).toEqual(["reads", "reads", "reads", "changes", "destructive"]);
    expect(steps.map((step) => step.commands[0].language)).toEqual(["bash", "sql", "bash", "bash", "bash"]);
    expect(steps[4]!.commands[0].warning).toMatch(/^Migrated from a legacy guide .*"rm".*review .* before running it\.$/);
    const guesses = reportOf("detect-customer-data-databricks").filter((line) => line.startsWith("guessed"));
    expect(guesses).toHaveLength(5);
    expect(guesses[4]).toMatch(/steps\[4\]\.commands\[0\]: effect destructive \(from "rm"\)/);
    // The built page labels the block and shows the warning.
    const step = migratedSite.page("/guides/detect-customer-data-databricks/").querySelector("#step-5")!;
    expect(textOf(step.querySelector(".command-block__effect"))).toBe("Destructive: cannot be undone");
    expect(textOf(step.querySelector(".command-block__warning"))).toContain("judged destructive");
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
    const { legacyText, front, result } = migration("fix-exposure-of-pci-data-aws");
    expect(legacyText).toContain("```");
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
    const { legacyText, result } = migration("detect-customer-data-databricks");
    expect(legacyText).toContain("action-button");
    expect(result.output).not.toContain("action-button");
  });

  it("migrates a coming-soon guide with Liquid tag links in its header, and both pages show only the header and a notice", () => {
    const { legacyText, front } = migration("prevent-exposure-of-phi-gcp");
    expect(legacyText).toContain("Clinical datasets land in analytics projects");
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

  it("writes a published guide that lacks a required section as a draft, and names the section and why", () => {
    const { front, result } = migration("fix-exposure-of-employee-data-azure");
    expect(front.status).toBe("draft");
    const because =
      "a published guide needs architecture (the legacy page has no section recognisable as architecture by its class, its cards or its heading)";
    expect(result.demotedBecause).toBe(because);
    expect(reportOf("fix-exposure-of-employee-data-azure")).toContain(
      `WARNING: status: published became draft, because ${because}: write what is missing (see legacy_content), then set status: published`,
    );
  });

  it("says which section did not map when the legacy page has one that cannot be mapped", () => {
    const { legacyText } = migration("detect-customer-data-databricks");
    const broken = legacyText.replace("<h4>Prior Setup</h4>", "<h4>Notes</h4>");
    expect(broken).not.toBe(legacyText);
    const result = migrateLegacyGuide(broken, "guides/detect-customer-data-databricks.md", registry, site);
    expect(result.status).toBe("draft");
    expect(result.demotedBecause).toBe(
      "a published guide needs prerequisites (its legacy prerequisites section is kept in legacy_content: it needs three cards whose headings name permissions, tools and setup, each with a list)",
    );
  });

  it("writes a published guide without a review date as a draft: an expert must check it before it is published", () => {
    const { legacyText } = migration("detect-customer-data-databricks");
    const unreviewed = legacyText.replace(/^reviewed: .*\n/m, "");
    expect(unreviewed).not.toBe(legacyText);
    const result = migrateLegacyGuide(unreviewed, "guides/detect-customer-data-databricks.md", registry, site);
    expect(result.status).toBe("draft");
    expect(result.demotedBecause).toBe(
      "a published guide needs a reviewed date (the legacy page has none: have an expert check the guide, then write reviewed: YYYY-MM-DD)",
    );
  });

  it("keeps a guide published when its flow stages sit in a wrapper with a class and a component card in no grid", () => {
    const { legacyText, front } = migration("detect-customer-data-databricks");
    const card =
      '<div class="component-card">\n                <h4>SQL warehouse</h4>\n                <p>Runs the discovery queries</p>\n            </div>';
    const odd = legacyText
      .replace('<div style="margin: 20px 0;">', '<div class="flow-steps">')
      .replace(`            ${card}\n        </div>`, `        </div>\n        ${card}`);
    expect(odd).toContain('<div class="flow-steps">');
    expect(odd).toContain('</div>\n        <div class="component-card">');
    const result = migrateLegacyGuide(odd, "guides/detect-customer-data-databricks.md", registry, site);
    expect(result.status).toBe("published");
    expect(result.output).toBe(migration("detect-customer-data-databricks").result.output);
    expect(front.architecture).toMatchObject({ flow: ["List Catalogs", "Search Columns", "Review Grants", "Tag Tables"] });
  });

  it("keeps a published guide published when nothing but placeholders, labels and wrappers stood in the way", () => {
    expect(placeholderGuides.length).toBeGreaterThan(0);
    for (const slug of placeholderGuides) {
      const { front, result } = migration(slug);
      expect([slug, front.status, result.demotedBecause, front.legacy_content]).toEqual([slug, "published", undefined, undefined]);
    }
  });

  const commandsOf = (slug: string) =>
    (migration(slug).front.steps as { commands: { code: string; language: string }[] }[]).flatMap(({ commands }) =>
      commands.map((command) => [command.code, command.language]),
    );
  const builtCommandsOf = (slug: string) =>
    migratedSite
      .page(`/guides/${slug}/`)
      .querySelectorAll("pre.command")
      .map((block) => [block.querySelector("code")!.textContent, block.getAttribute("data-language")]);

  it("keeps unescaped placeholders in a snowsql command and in SQL statements as the legacy page wrote them", () => {
    const slug = "detect-passwords-snowflake";
    const commands = [
      ["snowsql -a <account_identifier> -u <username>", "bash"],
      [
        "SELECT name, login_name, last_success_login\nFROM snowflake.account_usage.users\nWHERE has_password AND NOT ext_authn_duo AND deleted_on IS NULL;",
        "sql",
      ],
      ["SHOW GRANTS ON TABLE <database>.<schema>.<table>;", "sql"],
      [`snowsql -a <account_identifier> -q "SHOW USERS LIKE '<user_prefix>%'" -o output_format=csv`, "bash"],
    ];
    expect(commandsOf(slug)).toEqual(commands);
    expect(builtCommandsOf(slug)).toEqual(commands);
    const page = migratedSite.page(`/guides/${slug}/`);
    const why = page.querySelector("section[aria-labelledby=why-it-matters] .prose");
    const title = textOf(page.querySelector("h1"));
    expect(title).not.toBe("");
    expect(textOf(why)).toContain("Replace <account_identifier> in the examples with your own account");
    // The legacy page's Liquid ran once, at migration: what it showed is what the structured page shows, as text.
    expect(textOf(why)).toContain(
      `A CI job that connects reads its key from \${{ secrets.SNOWFLAKE_PRIVATE_KEY }}, never from the repository; this guide, ${title}, shows where else to look.`,
    );
    expect(migration(slug).result.output).not.toContain("{% raw %}");
    expect(reportOf(slug)).toEqual(
      expect.arrayContaining([
        'fixed: placeholders the legacy HTML left unescaped (browsers hid them as unknown elements) are kept as text: "<account_identifier>", "<username>", "<database>", "<schema>", "<user_prefix>"',
        'fixed: placeholders in code named like HTML elements, but never closed there, are kept as text: "<table>"',
        'guessed, review it: steps[0].commands[0]: effect changes (no verb it knows), language bash (read from the command): "snowsql -a <account_identifier> -u <username>"',
        'guessed, review it: steps[2].commands[0]: effect reads (from "show"), language sql (read from the command): "SHOW GRANTS ON TABLE <database>.<schema>.<table>;"',
      ]),
    );
  });

  it("reads PowerShell from its cmdlets, and takes a language from a label before the block and from a data attribute", () => {
    const slug = "fix-exposure-of-api-keys-secrets-tokens-azure";
    const commands = [
      ["$secret = Get-AzKeyVaultSecret -VaultName <vault-name> -Name <secret-name>\n$secret.Version", "powershell"],
      ["Set-AzKeyVaultSecret -VaultName <vault-name> -Name <secret-name> -SecretValue (Read-Host -AsSecureString)", "powershell"],
      ["az keyvault secret show --vault-name <vault-name> --name <secret-name> --query id", "bash"],
      ['{"secretName": "<secret-name>", "expiresInDays": 90}', "json"],
    ];
    expect(commandsOf(slug)).toEqual(commands);
    expect(builtCommandsOf(slug)).toEqual(commands);
    // The label names the language, which the layout draws: it is not prose of the step.
    expect((migration(slug).front.steps as { body: string }[])[1]!.body).toBe(
      "Setting a value creates a new version; readers that ask for the latest get it at once.",
    );
    const report = reportOf(slug);
    expect(report).toContainEqual(
      expect.stringMatching(/^guessed, review it: steps\[0\]\.commands\[0\]: .*, language powershell \(read from the command\): /),
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^guessed, review it: steps\[1\]\.commands\[0\]: .*, language powershell \(from its label\): /),
    );
    expect(report).toContain(
      'dropped, the site computes it: label "PowerShell" of steps[1].commands[0] (the layout labels each command with its language)',
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^guessed, review it: steps\[3\]\.commands\[0\]: .*, language json \(from its data-language attribute\): /),
    );
  });

  it("takes a command out of a labelled wrapper, keeps the lines a <br> broke, and reads a lang- class", () => {
    const slug = "prevent-exposure-of-configuration-files-aws";
    const commands = [
      ["aws s3 ls s3://<your-bucket>/", "bash"],
      ["aws s3api get-public-access-block --bucket <your-bucket>\naws s3api get-bucket-policy-status --bucket <your-bucket>", "bash"],
      [
        'resource "aws_s3_bucket_public_access_block" "config" {\n  bucket                  = "<your-bucket>"\n  block_public_acls       = true\n  restrict_public_buckets = true\n}',
        "hcl",
      ],
      ["check:\n  bucket: <your-bucket>\n  require: block_public_acls", "yaml"],
    ];
    expect(commandsOf(slug)).toEqual(commands);
    expect(builtCommandsOf(slug)).toEqual(commands);
    const report = reportOf(slug);
    expect(report).toContain(
      'dropped, the site computes it: label "Terraform" of steps[2].commands[0] (the layout labels each command with its language)',
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^guessed, review it: steps\[2\]\.commands\[0\]: .*, language hcl \(from its label\): /),
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^guessed, review it: steps\[3\]\.commands\[0\]: .*, language yaml \(from the class\): /),
    );
    expect(migration(slug).result.output).toContain("One public policy on \\<your-bucket\\> publishes all of them.");
  });
});

describe("the npm run migrate command", () => {
  /**
   * `npm run migrate` with these arguments, run in this process: the command line is read as the command
   * reads it, then its files go through the function the command calls, printing to strings instead.
   * (The command itself runs for real in command-line.test.ts.)
   */
  function migrateCommand(args: string[]): { status: number; stdout: string; stderr: string } {
    const reading = readCommandLine(migrateCommandLine, args);
    if (reading.kind !== "run") throw new Error(`not a command line that runs: ${args.join(" ")}`);
    let stdout = "";
    let stderr = "";
    const output = { log: (line: string) => (stdout += `${line}\n`), error: (line: string) => (stderr += `${line}\n`) };
    const { values, positionals } = reading.parsed;
    const status = migrateFiles(
      positionals.flatMap(sourcesFor),
      { out: values.out ?? defaultGuidesDir, force: values.force, registry, site },
      output,
    );
    return { status, stdout, stderr };
  }
  /** The closing summary: everything from its first line. */
  const summaryOf = (stdout: string) =>
    stdout
      .slice(stdout.lastIndexOf("\nSummary:\n") + 1)
      .trimEnd()
      .split("\n");
  const shown = (file: string) => path.relative(projectRoot, file);

  it("writes each guide under its own file name, refuses to overwrite without --force, and replaces with it", () => {
    const out = temporaryFolder("migrate-cli");
    const first = migrateCommand([legacyFolder, placeholderFolder, defectFile, "--out", out]);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...migrations.keys()].map((slug) => `${slug}.md`).sort());
    for (const [slug, { result }] of migrations) expect(readFileSync(path.join(out, `${slug}.md`), "utf8")).toBe(result.output);
    expect(first.stdout).toContain('guessed, review it: steps[4].commands[0]: effect destructive (from "rm")');
    // With many files, each file's report starts with how far the run has got.
    const positions = [...first.stdout.matchAll(/^\[(\d+)\/(\d+)\] /gm)].map((match) => `${match[1]}/${match[2]}`);
    expect(positions).toEqual(Array.from({ length: migrations.size }, (_, index) => `${index + 1}/${migrations.size}`));
    expect(first.stdout).toContain('kept in legacy_content: <div class="content-section sample-findings">');
    // Every command's effect is a guess; languages read from the command are too, those stated by the HTML are not.
    expect(summaryOf(first.stdout)).toEqual([
      "Summary:",
      "  6 written as published",
      "  1 written as coming-soon",
      "  1 written as draft:",
      `    ${shown(path.join(out, "fix-exposure-of-employee-data-azure.md"))}: ${migration("fix-exposure-of-employee-data-azure").result.demotedBecause}`,
      "  0 not written",
      "  45 guesses left to review: 25 command effects, 20 command languages",
    ]);

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
    expect(summaryOf(refused.stdout)).toEqual([
      "Summary:",
      "  1 written as published",
      "  0 written as draft",
      "  1 not written:",
      `    ${shown(path.join(legacyFolder, "detect-pii-snowflake.md"))}: ${shown(existing)} exists; pass --force to replace it`,
      "  9 guesses left to review: 5 command effects, 4 command languages",
    ]);
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
    expect(summaryOf(result.stdout)).toEqual([
      "Summary:",
      "  0 written as published",
      "  0 written as draft",
      "  1 not written:",
      `    ${shown(path.join(fixtures, "invalid", "detect-pii-azure.md"))}: the migrated guide does not validate (see its problems above)`,
      "  0 guesses left to review",
    ]);
  });
});
