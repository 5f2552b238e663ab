import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.ts";

/** What a social card shows: the site, the page's title, and what the page is about. */
export interface CardContent {
  site: string;
  title: string;
  /** One line under the title, e.g. "Detect · PII · AWS" or "Platform · 12 guides". */
  detail: string;
  /** The colour token of the page's kind: its action for a guide, its taxonomy for a term page. */
  accent: string;
}

export const cardWidth = 1200;
export const cardHeight = 630;

/** The site's light theme, read from its own tokens so a card looks like the page it stands for. */
export function lightTokens(file = path.join(projectRoot, "styles", "base", "_tokens.scss")): Record<string, string> {
  const root = /:root\s*\{([\s\S]*?)\n\}/.exec(readFileSync(file, "utf8"))?.[1] ?? "";
  return Object.fromEntries([...root.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,8})\s*;/gi)].map((match) => [match[1]!, match[2]!]));
}

interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children?: string | CardNode | CardNode[] };
}
const node = (type: string, style: Record<string, string | number>, children?: string | CardNode | CardNode[]): CardNode => ({
  type,
  props: { style, children },
});

/** Long titles get a smaller size, so a card read as a thumbnail still shows most of the title. */
function titleSize(title: string): number {
  if (title.length <= 45) return 68;
  if (title.length <= 80) return 56;
  return 46;
}

/** The card as satori's element tree: a coloured band, the site's name, the title, the detail line. */
export function cardElement(content: CardContent, tokens: Record<string, string>): CardNode {
  const colour = (name: string, fallback: string) => tokens[name] ?? fallback;
  const accent = colour(content.accent, colour("accent", "#0f766e"));
  const accentBackground = colour(`${content.accent}-bg`, colour("bg-soft", "#f5f7fa"));
  return node(
    "div",
    {
      width: cardWidth,
      height: cardHeight,
      display: "flex",
      flexDirection: "column",
      background: colour("bg", "#ffffff"),
      color: colour("text", "#1b2430"),
      fontFamily: "Inter",
      borderTop: `24px solid ${accent}`,
    },
    [
      node("div", { display: "flex", flexDirection: "column", justifyContent: "space-between", flexGrow: 1, padding: "56px 72px 64px" }, [
        node("div", { fontSize: 34, fontWeight: 700, color: colour("accent-strong", accent) }, content.site),
        node(
          "div",
          { display: "block", fontSize: titleSize(content.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 4 },
          content.title,
        ),
        node("div", { display: "flex" }, [
          node(
            "div",
            {
              fontSize: 32,
              fontWeight: 700,
              color: accent,
              background: accentBackground,
              padding: "12px 24px",
              borderRadius: 12,
            },
            content.detail,
          ),
        ]),
      ]),
    ],
  );
}
