import { HTMLElement, parse, type Node } from "node-html-parser";
import { keepPlaceholdersAsText } from "../../src/authoring/migrate/placeholders.ts";

/**
 * How much of a legacy guide's text a reader still finds on its migrated page, both read from built pages.
 *
 * Legacy side: the words of the page's legacy body, less what the structured layout draws itself from front
 * matter or drops as decoration (the header with its title, description and tag links, step numbers, flow
 * arrows, next-step links). Placeholders the legacy HTML left unescaped count as words: a browser hid them,
 * but they are what the author wrote, so the page is read as the migration reads it.
 *
 * Migrated side: the words of the guide article, less the parts that hold no legacy text and would only
 * supply matches: the header (its counterpart is left out above), the table of contents (it repeats the
 * step titles), next steps, the notices and labels the layout adds, warnings the migration wrote, and the
 * site-wide spotlight a guide without its own shows. The language label the layout draws from each block's
 * `data-language` counts, since readers see it.
 *
 * Words are counted as a multiset: each migrated word can account for one legacy word only.
 */
export function wordSurvival(legacyHtml: string, migratedHtml: string, options: { ownSpotlight: boolean }): WordSurvival {
  const legacy = parseLegacy(legacyHtml).querySelector(".legacy-body");
  const article = parse(migratedHtml, { blockTextElements: { script: true, style: true } }).querySelector("article");
  if (!legacy || !article) throw new Error("a page without a legacy body or a guide article");
  for (const computed of legacy.querySelectorAll(".header, .next-steps, .step-number, .flow-arrow")) computed.remove();
  const addedByLayout = [
    ".guide-header",
    "nav.toc",
    ".next-steps",
    ".legacy-content > .notice",
    ".command-block__effect",
    ".command-block__warning",
    ...(options.ownSpotlight ? [] : [".spotlight"]),
  ];
  for (const added of article.querySelectorAll(addedByLayout.join(", "))) added.remove();

  const available = new Map<string, number>();
  const labels = article.querySelectorAll("pre.command").map((block) => block.getAttribute("data-language") ?? "");
  for (const word of [...words(article), ...labels.flatMap(wordsOfText)]) available.set(word, (available.get(word) ?? 0) + 1);
  const legacyWords = words(legacy);
  const lost: string[] = [];
  for (const word of legacyWords) {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    else lost.push(word);
  }
  const found = legacyWords.length - lost.length;
  return { share: found / legacyWords.length, found, total: legacyWords.length, lost };
}

export interface WordSurvival {
  share: number;
  found: number;
  total: number;
  /** The legacy words no migrated word accounts for, in page order. */
  lost: string[];
}

function parseLegacy(html: string): HTMLElement {
  return parse(keepPlaceholdersAsText(html).html, { blockTextElements: { script: true, style: true } });
}

/** The words of every text node: the layout writes list items back to back, so joined text would fuse words. */
function words(node: Node): string[] {
  if (node instanceof HTMLElement) return node.childNodes.flatMap(words);
  return wordsOfText(node.text);
}

function wordsOfText(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
