// /llms.txt and the markdown copy of each published guide, made from the fixture site's guides.
import path from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../src/catalog/catalog.ts";
import { type Guide } from "../src/content/guide.ts";
import { readGuides } from "../src/content/guide-set.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { llmsTxt } from "../src/publishing/llms.ts";
import { guideMarkdown, markdownCopyPath, markdownText } from "../src/publishing/markdown-copy.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { fixturesDir } from "./helpers/site.ts";

const registry = loadRegistry();
const site = loadSiteSettings();
const { guides, problems } = readGuides(readGuideSources(path.join(fixturesDir, "site", "guides")), registry, site);
const catalog = buildCatalog(guides, registry, false);
const bySlug = (slug: string): Guide => {
  const found = guides.find((guide) => guide.slug === slug);
  expect(found, slug).toBeDefined();
  return found!;
};
const copyOf = (slug: string) => guideMarkdown(bySlug(slug), site, catalog.nextSteps[bySlug(slug).url] ?? []);

describe("llms.txt", () => {
  const text = llmsTxt(site, catalog);

  it("starts with the site's name and summary", () => {
    expect(problems).toEqual([]);
    expect(text.split("\n").slice(0, 3)).toEqual([`# ${site.name}`, "", `> ${site.tagline}`]);
  });

  it("lists every published guide once, under its subject, linking to its markdown copy with its description", () => {
    const links = [...text.matchAll(/^- \[(.+)\]\((\S+)\): (.+)$/gm)];
    expect(links.map((link) => link[2])).toEqual(
      catalog.bySubject.flatMap((section) =>
        section.guides.filter((guide) => guide.status === "published").map((guide) => `${site.base_url}${markdownCopyPath(guide)}`),
      ),
    );
    expect(links).toHaveLength(catalog.published.length);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(["API keys, secrets & tokens", "Customer data", "PII"]);
    const aws = links.find((link) => link[2]?.endsWith("/guides/detect-api-keys-secrets-tokens-aws/index.md"));
    expect(aws?.[1]).toBe(bySlug("detect-api-keys-secrets-tokens-aws").title);
    expect(aws?.[3]).toBe(bySlug("detect-api-keys-secrets-tokens-aws").description);
  });

  it("leaves out drafts and coming-soon guides", () => {
    for (const guide of guides.filter((entry) => entry.status !== "published")) expect(text).not.toContain(guide.url);
  });

  it("shows a hostile title as text, not markup", () => {
    const hostile = bySlug("detect-customer-data-snowflake");
    const rendered = new MarkdownIt().render(text);
    expect(rendered).not.toContain("<img");
    expect(rendered).not.toContain("<script");
    expect(new MarkdownIt().renderInline(markdownText(hostile.title))).toBe(
      hostile.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
    );
  });
});

describe("a guide's markdown copy", () => {
  const markdown = copyOf("detect-api-keys-secrets-tokens-aws");
  const guide = bySlug("detect-api-keys-secrets-tokens-aws");

  it("has the title, description and every section in the page's order", () => {
    expect(markdown.startsWith(`# ${guide.title}\n\n> ${guide.description}\n`)).toBe(true);
    const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(sections).toEqual([
      "Why it matters",
      "Prerequisites",
      "Step-by-step guide",
      "Architecture & workflow",
      "Best practices & tips",
      "References & further reading",
      "Next steps",
    ]);
    expect(markdown).toContain(guide.body.trim());
  });

  it("fences every command block with its language, after its effect, note and any warning", () => {
    const blocks = (guide.steps ?? []).flatMap((step) => step.commands ?? []);
    expect(blocks.length).toBeGreaterThan(0);
    const fences = [...markdown.matchAll(/^(`{3,})(\S*)\n([\s\S]*?)\n\1$/gm)];
    expect(fences.map((fence) => [fence[2], fence[3]])).toEqual(blocks.map((block) => [block.language, block.code]));
    expect(markdown).toContain("*Read-only: changes nothing.*");
    const withWarning = guides.find(
      (entry) => entry.status === "published" && entry.steps?.some((step) => step.commands?.some((block) => block.warning)),
    );
    const warned = withWarning?.steps?.flatMap((step) => step.commands ?? []).find((block) => block.warning);
    expect(warned, "a published fixture guide with a command warning").toBeDefined();
    expect(copyOf(withWarning!.slug)).toContain(`**Warning:** ${markdownText(warned!.warning!)}`);
  });

  it("gives each block of a step its own effect line and fence, the second after its note and warning", () => {
    const step = markdown.slice(markdown.indexOf("### 3. Delete a key nobody uses"), markdown.indexOf("### 4."));
    expect(step).toContain(
      [
        "*Read-only: changes nothing.*",
        "",
        "```bash",
        'aws iam list-access-keys --user-name <user-name> --query "AccessKeyMetadata[].[AccessKeyId,Status]"',
        "```",
        "",
        "*Destructive: cannot be undone.* Run this once the list shows the replacement key as Active. **Warning:** A deleted key cannot be restored.",
        "",
        "```bash",
        "aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>",
        "```",
      ].join("\n"),
    );
  });

  it("keeps a command whose code holds backticks whole, behind a longer fence", () => {
    const tricky = {
      ...guide,
      steps: [
        { title: "Run", body: "Text.", commands: [{ code: "echo ```inner``` and `x`", language: "bash", effect: "reads" as const }] },
      ],
    };
    const copy = guideMarkdown(tricky, site, []);
    const [token] = new MarkdownIt().parse(copy, {}).filter((entry) => entry.type === "fence");
    expect(token?.content).toBe("echo ```inner``` and `x`\n");
    expect(token?.info).toBe("bash");
  });

  it("lists references as links and next steps with their addresses", () => {
    for (const reference of guide.references ?? []) expect(markdown).toContain(`- [${markdownText(reference.title)}](<${reference.url}>)`);
    const html = new MarkdownIt().render(markdown);
    for (const reference of guide.references ?? []) expect(html).toContain(`href="${reference.url}"`);
    for (const step of catalog.nextSteps[guide.url] ?? []) expect(markdown).toContain(step.title);
  });

  it("shows front-matter text as written, whatever markdown would make of it", () => {
    const hostile = copyOf("detect-customer-data-snowflake");
    const html = new MarkdownIt().render(hostile.replace(/^```[\s\S]*?^```$/gm, ""));
    expect(html).not.toMatch(/<(img|script)\b/);
  });

  it("keeps a legacy guide's HTML body as it is rendered on its page", () => {
    const legacy = bySlug("fix-exposure-of-api-keys-secrets-tokens-azure");
    expect(legacy.format).toBe("legacy");
    expect(copyOf(legacy.slug)).toContain(legacy.body.trim());
  });
});
