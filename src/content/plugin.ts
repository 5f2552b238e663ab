import { statSync } from "node:fs";
import path from "node:path";
import type { BuildReporter } from "../build-reporter.ts";
import { dataDir } from "../paths.ts";
import { plural } from "../text/plural.ts";
import type { EleventyConfig, PageData } from "../eleventy-types.ts";
import type { SiteSettings } from "../site-settings.ts";
import type { TaxonomyRegistry } from "../taxonomy/registry.ts";
import { collectGuides } from "./guide-set.ts";
import { isBuilt, readGuide, type Guide, type GuideSource } from "./guide.ts";
import type { Problem } from "../messages/problems.ts";
import { GuideValidationError } from "./problems.ts";
import { legacyLayoutName } from "./schema.ts";
import { scanGuideFolder } from "./guide-files.ts";
import { readGuideSource } from "./sources.ts";

export interface ContentOptions {
  registry: TaxonomyRegistry;
  site: SiteSettings;
  /** Drafts get pages in `npm start`, never in the production build. */
  includeDrafts: boolean;
  reporter?: BuildReporter;
}

/** Lets other concerns start work on the guides as soon as they are read and valid, before any page renders. */
export interface ContentEvents {
  onGuides(listener: (guides: Guide[], directories: { input: string; output: string }) => void): void;
}

/** Validates all guides before Eleventy writes anything, and gives each guide's page its guide and URL. */
export function registerContent(
  eleventyConfig: EleventyConfig,
  { registry, site, includeDrafts, reporter }: ContentOptions,
): ContentEvents {
  const guidesListeners: Parameters<ContentEvents["onGuides"]>[0][] = [];
  let guidesByPath = new Map<string, Guide>();

  // A watch-mode rebuild re-reads only the guides whose file changed since the last build; reading
  // and validating every guide again would cost more than rendering the one page that changed.
  const guidesRead = new Map<
    string,
    { modified: number; size: number; source: GuideSource; result: { guide?: Guide; problems: Problem[] } }
  >();

  eleventyConfig.ignores.add("**/README.md");
  // Behind the folder check, should a file ever slip past it: Eleventy reads no data file beside a
  // guide nor a global data folder inside the guides folder (its global data folder is the project's
  // own src/data, which holds no file Eleventy reads), and the template formats other than markdown
  // serve only the site's virtual pages. Ignores are relative to the working directory.
  const input = path.relative(process.cwd(), path.resolve(eleventyConfig.directories.input));
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.setDataDirectory(path.relative(path.resolve(input), dataDir));
  for (const format of ["liquid", "11ty.js", "11ty.cjs", "11ty.mjs"]) {
    eleventyConfig.ignores.add(path.posix.join(input.split(path.sep).join("/"), `**/*.${format}`));
  }
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    const started = performance.now();
    const sanitised: { file: string; places: number }[] = [];
    // Eleventy has not yet loaded a data file nor run a template: what is not a guide is refused here.
    const folder = scanGuideFolder(directories.input);
    const current = folder.files.map((file) => {
      const { mtimeMs: modified, size } = statSync(file);
      const previous = guidesRead.get(file);
      if (previous?.modified === modified && previous.size === size) return previous;
      const source = readGuideSource(file);
      // The parsed front matter is needed only while the guide is read; the cache keeps what pages use.
      const { guide, problems, warnings } = readGuide(source, registry, site);
      if (warnings?.length) sanitised.push({ file: source.displayPath, places: warnings.length });
      return { modified, size, source, result: { guide, problems } };
    });
    guidesRead.clear();
    for (const entry of current) guidesRead.set(entry.source.path, entry);
    const { guides, problems } = collectGuides(current);
    if (folder.problems.length + problems.length > 0) throw new GuideValidationError([...folder.problems, ...problems]);
    reporter?.guidesRead?.(guides.length, performance.now() - started);
    if (sanitised.length > 0) {
      const places = sanitised.reduce((sum, each) => sum + each.places, 0);
      reporter?.warning?.(
        `left out markup that cannot be published (scripts, styles, forms, links off the web…) in ${plural(places, "place")} of ${plural(sanitised.length, "guide")}, first ${sanitised[0]!.file}: npm run check lists each with its line`,
      );
    }
    guidesByPath = new Map(guides.map((guide) => [guide.inputPath, guide]));
    for (const listener of guidesListeners) listener(guides, directories);
  });

  // Frozen objects are shared with every page as they are; Eleventy would otherwise deep-copy them into each page's data.
  eleventyConfig.addGlobalData("site", Object.freeze(site));
  eleventyConfig.addGlobalData("layout", "guide.liquid");
  // Pages are drawn from the catalog, never from Eleventy collections; keeping guides out of them
  // spares Eleventy holding every rendered page in memory for collections nobody reads.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  eleventyConfig.addLayoutAlias(legacyLayoutName, "guide.liquid");
  // Layouts look a page's guide up by its input path (`page.inputPath | guideAt`), and a guide's URL
  // comes from a permalink function: Eleventy's computed data would do both, but resolving it for
  // every page cost more than a quarter of a build.
  const guideAt = (inputPath: string) => guidesByPath.get(path.resolve(inputPath));
  eleventyConfig.addFilter("guideAt", guideAt);
  // Other pages set their own permalink; a function given as global data is Eleventy's fallback for the rest.
  const guidePermalink = (data: PageData) => {
    const guide = guideAt(data.page.inputPath);
    if (!guide) return undefined;
    return isBuilt(guide, includeDrafts) ? guide.url : false;
  };
  eleventyConfig.addGlobalData("permalink", () => guidePermalink);
  return { onGuides: (listener) => guidesListeners.push(listener) };
}
