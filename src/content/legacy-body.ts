import path from "node:path";
import slugify from "@sindresorhus/slugify";
import { Context, LiquidError, type Liquid, type Template } from "liquidjs";
import { layoutsDir, projectRoot } from "../paths.ts";
import type { SiteSettings } from "../site-settings.ts";
import { closestMatch } from "../text/edit-distance.ts";
import { createLiquid, isInsideLayouts, partialExtension, type LiquidLimits } from "../templates/engine.ts";

/** A Liquid mistake in a legacy body, at a line counted from the top of the body. */
export interface LegacyBodyProblem {
  line: number;
  message: string;
}

export type LegacyBodyResult = { html: string; problems: [] } | { html?: undefined; problems: LegacyBodyProblem[] };

/**
 * What one legacy body's Liquid may cost, so that a runaway loop, a string doubled in a loop or
 * thousands of mistakes are refused instead of hanging or crashing every command. The legacy guides
 * this site replaces are far below: the largest is 9,419 characters with 17 tags and outputs, makes
 * 314 characters and list items, and renders in 13 ms the first time and about 1 ms after.
 */
const legacyBodyLimits = {
  /** Characters in the body, its HTML included. */
  parseLimit: 100_000,
  /** Milliseconds to render the body: ample on a busy machine, short enough for a build to wait. */
  renderLimit: 1_000,
  /** Characters and list items Liquid's tags and filters make while rendering (a range, a string appended to, a split). */
  memoryLimit: 1_000_000,
} as const satisfies LiquidLimits;

/**
 * `{{ }}` and `{% %}` in one body. liquidjs copies the lines around each mistake into its message,
 * and reads nested blocks recursively: thousands of mistakes took minutes and gigabytes, and blocks
 * nested thousands deep ran out of stack with a mistake at every level. With this many at most and
 * the body within parseLimit, a body full of mistakes is read in well under a second.
 */
const legacyBodyMarkupLimit = 500;

/** The filter's `this`: liquidjs passes the render's context, whose memory limit Liquid's own filters count against. */
interface FilterThis {
  context: Context;
}

/**
 * Filters of the old Eleventy site that legacy bodies may still use. `url` returns its URL
 * unchanged because every root-relative URL of every page gets the path prefix once, after rendering.
 */
const legacySiteFilters: Record<string, (this: FilterThis, value: unknown) => string> = {
  url(value) {
    return counted(this, asText(value));
  },
  slugify(value) {
    return slugify(counted(this, asText(value)), { decamelize: false });
  },
};

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

/** Counts the text a filter makes against the body's memory limit, as Liquid's own string filters do. */
function counted(filter: FilterThis, text: string): string {
  filter.context.memoryLimit.use(text.length);
  return text;
}

let engine: Liquid | undefined;
/** Its own instance of the layouts' engine, so legacy bodies see Liquid's filters and the old site's, not the layouts' helpers. */
function legacyBodyEngine(): Liquid {
  if (!engine) {
    engine = createLiquid({ reportsEveryError: true, limits: legacyBodyLimits });
    for (const [name, filter] of Object.entries(legacySiteFilters)) engine.registerFilter(name, filter);
  }
  return engine;
}

/** What a legacy body's Liquid can read: its front matter, the page's URL and slug, and the site settings. */
export interface LegacyBodyScope {
  frontMatter: Record<string, unknown>;
  url: string;
  slug: string;
  site: SiteSettings;
}

/**
 * Renders the Liquid in a legacy guide's body, as the old site did. Every mistake liquidjs finds, and
 * Liquid that goes past one of `legacyBodyLimits`, is returned with its line, as a problem an author
 * can fix; an error that is not a Liquid error is this site's bug and is thrown.
 */
export function renderLegacyBody(body: string, { frontMatter, url, slug, site }: LegacyBodyScope): LegacyBodyResult {
  if (!body.includes("{{") && !body.includes("{%")) return { html: body, problems: [] };
  const tooMuch = lineOfMarkup(body, legacyBodyMarkupLimit + 1);
  if (tooMuch) return { problems: [{ line: tooMuch, message: markupLimitMessage }] };
  const liquid = legacyBodyEngine();
  const scope = { ...frontMatter, page: { url, fileSlug: slug, filePathStem: `/${slug}`, outputFileExtension: "html" }, site };
  let templates: Template[];
  try {
    templates = liquid.parse(body);
  } catch (error) {
    if (limitMet(error)?.limit === "parseLimit") return { problems: [{ line: 1, message: limitMessages.parseLimit }] };
    return { problems: liquidProblems(error, body, liquid) };
  }
  return renderTemplates(templates, scope, body, liquid);
}

/**
 * Renders the body's top-level tags one by one in one context, so their variables, time and memory
 * carry over. liquidjs checks the render time before each tag outside the block that collects a
 * template's errors, so one call for the whole body would throw the time limit with no line once a
 * loop used it up; here the tag that used it up is known.
 */
function renderTemplates(templates: Template[], scope: object, body: string, liquid: Liquid): LegacyBodyResult {
  const context = new Context(scope, liquid.options, { sync: true });
  const problems: LegacyBodyProblem[] = [];
  let html = "";
  for (const [index, template] of templates.entries()) {
    try {
      html += liquid.renderSync([template], context) as string;
    } catch (error) {
      const met = limitMet(error);
      if (met) {
        // Caught inside this tag, the error knows where; thrown before the tag started, the tag before used the limit up.
        const culprit = LiquidError.is(error) ? template : (templates[index - 1] ?? template);
        problems.push({ line: met.line ?? culprit.token.getPosition()[0] ?? 1, message: limitMessages[met.limit] });
        break;
      }
      problems.push(...liquidProblems(error, body, liquid));
    }
    // A {% break %} outside any loop ends the body, as it does when liquidjs renders the whole template.
    if (context.breakCalled || context.continueCalled) break;
  }
  return problems.length > 0 ? { problems } : { html, problems: [] };
}

/** The line of the body's nth `{{` or `{%`, when it has that many. */
function lineOfMarkup(body: string, nth: number): number | undefined {
  let count = 0;
  for (const match of body.matchAll(/\{[{%]/g)) {
    if (++count === nth) return body.slice(0, match.index).split("\n").length;
  }
  return undefined;
}

type LimitName = keyof typeof legacyBodyLimits;

const formatted = (value: number) => value.toLocaleString("en-US");
const limitMessages: Record<LimitName, string> = {
  parseLimit: `is longer than ${formatted(legacyBodyLimits.parseLimit)} characters, the limit for a legacy body with Liquid in it: move its content into a structured guide (npm run migrate) or split it`,
  renderLimit: `the Liquid here takes longer than ${formatted(legacyBodyLimits.renderLimit)} ms to render, the limit for a legacy body: loop over fewer items, or write the HTML out instead of generating it`,
  memoryLimit: `the Liquid here makes more than ${formatted(legacyBodyLimits.memoryLimit)} characters or list items, the limit for a legacy body: loop over a shorter range, or stop growing a text or list in a loop`,
};

const markupLimitMessage = `holds more than ${legacyBodyMarkupLimit} Liquid tags and outputs ({{ }} and {% %}) by this line, the limit for a legacy body: write the HTML out instead of generating it, or move the content into a structured guide (npm run migrate)`;

/** liquidjs's messages for its three limits, before it appends the line and column. */
const limitByMessage: Record<string, LimitName> = {
  "parse length limit exceeded": "parseLimit",
  "template render limit exceeded": "renderLimit",
  "memory alloc limit exceeded": "memoryLimit",
};

/** The limit an error reports, with the body line of the innermost tag that met it when liquidjs kept it (not in a partial). */
function limitMet(error: unknown): { limit: LimitName; line?: number } | undefined {
  for (const each of innermostErrors(error)) {
    const message = each instanceof Error ? each.message.replace(/, line:\d+, col:\d+$/, "") : "";
    const limit = limitByMessage[message];
    if (!limit) continue;
    const token = (each as { token?: TokenPlace }).token;
    return { limit, line: token && !token.file ? token.getPosition()[0] : undefined };
  }
  return undefined;
}

/** The errors a Liquid error collects, one per failing tag; a block collects its tags' errors into one of its own. */
function innermostErrors(error: unknown): unknown[] {
  const collected = (error as { errors?: unknown[] } | undefined)?.errors;
  return collected ? collected.flatMap(innermostErrors) : [error];
}

/** Every mistake a Liquid error holds, as problems; an error that is not a Liquid error is this site's bug and is thrown. */
function liquidProblems(error: unknown, body: string, liquid: Liquid): LegacyBodyProblem[] {
  if (!LiquidError.is(error)) throw error;
  return innermostErrors(error).map((each) => describeLiquidError(each as LiquidError, body, liquid));
}

const filtersReference = "https://liquidjs.com/filters/overview.html";
const tagsReference = "https://liquidjs.com/tags/overview.html";

/** liquidjs appends ", line:2, col:5" to its messages; the problem says the line itself. */
function plainMessage(error: LiquidError): string {
  const original = (error as { originalError?: { message?: string } }).originalError?.message;
  return (original ?? error.message).replace(/, line:\d+, col:\d+$/, "").split("\n")[0]!;
}

interface TokenPlace {
  getPosition(): [number, number];
  file?: string;
  name?: string;
  getText(): string;
}

function describeLiquidError(error: LiquidError, body: string, liquid: Liquid): LegacyBodyProblem {
  const token = (error as unknown as { token?: TokenPlace }).token;
  const message = plainMessage(error);
  // An error inside a partial the body includes is placed at the body's include of that partial.
  if (token?.file) {
    const partial = path.relative(projectRoot, token.file);
    const name = path.relative(layoutsDir, token.file).replace(new RegExp(`\\${partialExtension}$`), "");
    const line = body.split("\n").findIndex((text) => text.includes(name)) + 1 || 1;
    return {
      line,
      message: `the partial ${partial} it includes fails at its line ${token.getPosition()[0]} (${message}): fix or remove the include`,
    };
  }
  const line = token?.getPosition()[0] ?? 1;
  return { line, message: describeMessage(message, token, liquid) };
}

function describeMessage(message: string, token: TokenPlace | undefined, liquid: Liquid): string {
  const unknownFilter = /^undefined filter: (\S+)/.exec(message)?.[1];
  if (unknownFilter) {
    const closest = closestMatch(unknownFilter, Object.keys(liquid.filters));
    const hint = closest ? ` (did you mean "${closest}"?)` : "";
    return `uses the unknown Liquid filter "${unknownFilter}"${hint}: use one of Liquid's filters (${filtersReference}), url or slugify, or remove it`;
  }
  const unclosed = /^tag (\{%-?\s*(\w+)[\s\S]*?%\}) not closed/.exec(message);
  if (unclosed) return `${unclosed[1]} is never closed: add {% end${unclosed[2]} %} where its block ends`;
  const unknownTag = /^tag "([^"]+)" not found/.exec(message)?.[1];
  if (unknownTag?.startsWith("end")) {
    return `{% ${unknownTag} %} closes no block: remove it, or add the {% ${unknownTag.slice(3)} %} it ends before it`;
  }
  if (unknownTag) return `uses the unknown Liquid tag {% ${unknownTag} %}: use one of Liquid's tags (${tagsReference}) or remove it`;
  const missing = /^ENOENT: Failed to lookup "([^"]*)"/.exec(message)?.[1];
  if (missing !== undefined) {
    const tag = `{% ${token?.name ?? "include"} "${missing}" %}`;
    const file = path.resolve(layoutsDir, path.extname(missing) ? missing : missing + partialExtension);
    if (!isInsideLayouts(file)) {
      return `${tag} points outside layouts/, and was not read: a legacy body may include only partials from layouts/; remove the tag or write its content into the body`;
    }
    return `${tag}: there is no ${path.relative(projectRoot, file)}: fix the name (partials are in layouts/partials/) or remove the tag`;
  }
  const unterminated = /^(output|tag|raw) "/.exec(message)?.[1];
  if (unterminated && message.endsWith(" not closed")) {
    const [opens, closes] =
      unterminated === "output" ? ["{{", "}}"] : unterminated === "tag" ? ["{%", "%}"] : ["{% raw %}", "{% endraw %}"];
    return `${opens} is never closed: close it with ${closes}; to show Liquid as text, wrap it in {% raw %}…{% endraw %}`;
  }
  return `has a Liquid error (${message}): fix the {{ }} or {% %} on this line; to show Liquid as text, wrap it in {% raw %}…{% endraw %}`;
}
