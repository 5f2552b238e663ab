import { parse } from "node-html-parser";
import sanitizeHtml from "sanitize-html";
import { htmlElementNames } from "../text/html-elements.ts";

/** Markup the sanitiser took out, at its line counted from the top of the HTML. */
export interface DroppedMarkup {
  line: number;
  /** "what was dropped: why, and what to do" */
  message: string;
}

export interface SanitisedHtml {
  html: string;
  /** What was dropped, in order. Placing it on its line takes a second reading, so that waits until this is read. */
  readonly dropped: DroppedMarkup[];
}

/** The legacy guides' anatomy: sections, headings, prose, lists, tables, links, images and code. */
const allowedTags: ReadonlySet<string> = new Set([
  ...["div", "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption", "details", "summary"],
  ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "span"],
  ...["a", "abbr", "b", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small", "strong", "sub", "sup", "time", "u", "wbr"],
  ...["ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["pre", "code", "kbd", "samp", "var", "img"],
]);

/**
 * Attributes any kept element may carry. The site's own scripts find their elements by data attributes
 * (data-consent, data-filter-bar…), so the only one kept is the one legacy code blocks name their language with.
 */
const globalAttributes = ["class", "id", "title", "lang", "dir", "role", "data-language"];
const elementAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  th: ["colspan", "rowspan", "headers", "scope"],
  td: ["colspan", "rowspan", "headers"],
  col: ["span"],
  colgroup: ["span"],
  time: ["datetime"],
  details: ["open"],
};
const isAllowedAttribute = (tag: string, name: string) =>
  globalAttributes.includes(name) || name.startsWith("aria-") || (elementAttributes[tag]?.includes(name) ?? false);

/** Elements whose content goes with them: code, styles, embedded documents and form values are no text a reader saw. */
const elementsDroppedWithContent = [
  ...["script", "noscript", "style", "template", "title", "xmp"],
  ...["iframe", "noembed", "noframes", "object", "svg", "math", "textarea", "option"],
];

/**
 * htmlparser2, which sanitize-html reads with, takes these elements' content as text, so it finds no tags
 * inside them; the parser that places dropped markup on its line must not either.
 */
const rawTextElements = Object.fromEntries(
  ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"].map((name) => [name, true]),
);

const scriptsNeverRun = "scripts never run on this site; remove it";
const embeddingElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"];
const formElements = [
  ...["form", "input", "button", "select", "option", "optgroup"],
  ...["textarea", "fieldset", "legend", "label", "datalist", "output"],
];
const saying = (why: string, names: string[]) => names.map((name): [string, string] => [name, why]);
const whyElementsGo: ReadonlyMap<string, string> = new Map([
  ...saying(scriptsNeverRun, ["script", "noscript"]),
  ...saying("the site's stylesheets style legacy HTML (styles/legacy.scss); remove it", ["style"]),
  ...saying("a guide embeds nothing from other sites; link to it instead", embeddingElements),
  ...saying("a guide page has no forms; remove it", formElements),
  ...saying("it could send readers to another site or change where the page's links lead; remove it", ["meta", "base", "link"]),
]);

function whyElementGoes(tag: string): string {
  const known = whyElementsGo.get(tag);
  if (known) return known;
  if (!htmlElementNames.has(tag)) {
    return `it is no HTML element, so browsers never showed it: write &lt;${tag}&gt; to show it as text, or remove it`;
  }
  return "legacy HTML keeps headings, prose, lists, tables, links, images and code only; remove it";
}

/** The legacy page's address stands in as the base: an address that resolves to its origin is on the site. */
const pageAddress = new URL("https://legacy-page.invalid/guides/page/");

function resolve(address: string): URL | undefined {
  try {
    return new URL(address, pageAddress);
  } catch {
    return undefined;
  }
}

const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);

/** Why an attribute goes, or undefined when it stays. Values are as the browser reads them, entities decoded. */
function whyAttributeGoes(tag: string, name: string, value: string): string | undefined {
  if (name.startsWith("on")) return `drops the ${name} attribute of <${tag}>: ${scriptsNeverRun}`;
  if (name === "style") {
    return `drops the style attribute of <${tag}>: the site's Content-Security-Policy never let inline styles apply; use a class that styles/legacy.scss styles, or remove it`;
  }
  if (!isAllowedAttribute(tag, name)) {
    return `drops the ${name} attribute of <${tag}>: legacy HTML keeps class, id, title, lang, dir, role, aria-* and data-language, and each element's own (href, src, alt…); remove it`;
  }
  // The URL parser strips and decodes an address as the browser does, so "java&#x09;script:" is found out too.
  if (name === "href" && !["https:", "http:"].includes(resolve(value)?.protocol ?? "")) {
    return `drops the link ${shown(value)} of <a>: a link leads to an https:// or http:// address or within the site; fix the address or remove it`;
  }
  if (name === "src" && resolve(value)?.origin !== pageAddress.origin) {
    return `drops the image ${shown(value)}: images come from this site only (a relative or /… address); remove it, or link to the image instead`;
  }
  return undefined;
}

/** A drop as the sanitiser meets it: the index of its tag among all the tags of the HTML, in order. */
interface FoundDrop {
  tagIndex: number;
  message: string;
}

/**
 * Legacy HTML (a legacy guide's body once its Liquid is rendered, and a structured guide's `legacy_content`)
 * is published inside the site's pages, so only its text markup is kept: no scripts, styles, frames, forms or
 * navigation (`meta`, `base`, `link`), no event handlers or style attributes, links to http(s) pages and the site
 * only, images from the site only. The Content-Security-Policy stops scripts, but not a page that sends the
 * reader elsewhere. sanitize-html does the cleaning; its hooks see every tag in order, so whatever it is told to
 * drop is also reported, with its line.
 */
export function sanitiseLegacyHtml(html: string): SanitisedHtml {
  const found: FoundDrop[] = [];
  let tagIndex = -1;
  const clean = sanitizeHtml(html, {
    allowedTags: [...allowedTags],
    allowedAttributes: { "*": [...globalAttributes, "aria-*"], ...elementAttributes },
    allowedSchemes: ["https", "http"],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    disallowedTagsMode: "discard",
    nonTextTags: elementsDroppedWithContent,
    parseStyleAttributes: false,
    // Called for every tag the parser meets, even inside dropped content, so the count matches the tags of the HTML.
    onOpenTag: () => void tagIndex++,
    transformTags: {
      "*": (tagName, attribs) => {
        if (!allowedTags.has(tagName)) {
          found.push({ tagIndex, message: `drops <${tagName}>: ${whyElementGoes(tagName)}` });
          return { tagName, attribs };
        }
        const kept: sanitizeHtml.Attributes = {};
        for (const [name, value] of Object.entries(attribs)) {
          const why = whyAttributeGoes(tagName, name, value);
          if (why) found.push({ tagIndex, message: why });
          else kept[name] = value;
        }
        return { tagName, attribs: kept };
      },
    },
  });
  let placedDrops: DroppedMarkup[] | undefined;
  return {
    html: clean,
    get dropped() {
      return (placedDrops ??= found.length === 0 ? [] : placed(html, found));
    },
  };
}

/**
 * Each dropped tag's line. sanitize-html does not say where a tag is, so the tags are found again, in the same
 * order, by node-html-parser, which does. Unclosed tags stay elements, as htmlparser2 keeps them.
 */
function placed(html: string, found: FoundDrop[]): DroppedMarkup[] {
  const starts = parse(html, { comment: false, parseNoneClosedTags: true, blockTextElements: rawTextElements })
    .querySelectorAll("*")
    .map((element) => element.range[0]);
  return found.map(({ tagIndex, message }) => ({ line: html.slice(0, starts[tagIndex] ?? 0).split("\n").length, message }));
}
