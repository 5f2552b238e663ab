import path from "node:path";
import slugify from "@sindresorhus/slugify";
import { LiquidError, type Liquid } from "liquidjs";
import { layoutsDir, projectRoot } from "../paths.ts";
import type { SiteSettings } from "../site-settings.ts";
import { closestMatch } from "../text/edit-distance.ts";
import { createLiquid, isInsideLayouts, partialExtension } from "../templates/engine.ts";

/** A Liquid mistake in a legacy body, at a line counted from the top of the body. */
export interface LegacyBodyProblem {
  line: number;
  message: string;
}

export type LegacyBodyResult = { html: string; problems: [] } | { html?: undefined; problems: LegacyBodyProblem[] };

/**
 * Filters of the old Eleventy site that legacy bodies may still use. `url` returns its URL
 * unchanged because every root-relative URL of every page gets the path prefix once, after rendering.
 */
const legacySiteFilters: Record<string, (value: unknown) => string> = {
  url: (value) => asText(value),
  slugify: (value) => slugify(asText(value), { decamelize: false }),
};

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

let engine: Liquid | undefined;
/** Its own instance of the layouts' engine, so legacy bodies see Liquid's filters and the old site's, not the layouts' helpers. */
function legacyBodyEngine(): Liquid {
  if (!engine) {
    engine = createLiquid({ reportsEveryError: true });
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
 * Renders the Liquid in a legacy guide's body, as the old site did. Every mistake liquidjs finds is
 * returned with its line, as a problem an author can fix; an error that is not a Liquid error is
 * this site's bug and is thrown.
 */
export function renderLegacyBody(body: string, { frontMatter, url, slug, site }: LegacyBodyScope): LegacyBodyResult {
  if (!body.includes("{{") && !body.includes("{%")) return { html: body, problems: [] };
  const liquid = legacyBodyEngine();
  const scope = { ...frontMatter, page: { url, fileSlug: slug, filePathStem: `/${slug}`, outputFileExtension: "html" }, site };
  try {
    return { html: liquid.renderSync(liquid.parse(body), scope) as string, problems: [] };
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    const errors = (error as { errors?: unknown[] }).errors ?? [error];
    return { problems: errors.map((each) => describeLiquidError(each as LiquidError, body, liquid)) };
  }
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
