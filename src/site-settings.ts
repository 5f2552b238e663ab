import path from "node:path";
import { z } from "zod";
import { readYamlFile } from "./messages/yaml-file.ts";
import { dataDir } from "./paths.ts";

const spotlightSchema = z.strictObject({ title: z.string().min(1), text: z.string().min(1) });

const analyticsSchema = z.strictObject({
  /** The analytics script, loaded only after the reader accepts; its origin is added to the CSP. */
  script_url: z.url({ protocol: /^https$/ }),
  /** Where the script sends its events, when that differs from the script's origin. */
  connect_url: z.url({ protocol: /^https$/ }).optional(),
  /** Shown in the consent banner: who receives the data. */
  provider: z.string().min(1),
});

const siteSchema = z.strictObject({
  /** Shown in the header and in every `<title>`. */
  name: z.string().min(1),
  /** One line under the name on the home page. */
  tagline: z.string().min(1),
  /** The `lang` of every page. */
  language: z.string().min(2),
  /** Where the site is published, without the path prefix, e.g. https://guides.example.com */
  base_url: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  /** The folder the site is served from, e.g. /docs/ ; "/" at the root of the host. */
  path_prefix: z
    .string()
    .regex(/^\/([a-z0-9._-]+\/)*$/i, "start and end it with /, e.g. /docs/")
    .default("/"),
  /**
   * The GitHub repository that holds the guides, e.g. https://github.com/acme/dspm-guides: the footer
   * links to it, and every guide to its source file ("Edit this page") and to a new issue about it.
   */
  repository_url: z
    .url({ protocol: /^https$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** The branch the guides are edited on. */
  repository_branch: z
    .string()
    .regex(/^[\w./-]+$/, "write a branch name such as main")
    .default("main"),
  /**
   * How many guides a page of a platform, risk, regulation or action lists; a term with more gets more
   * pages (page/2/, page/3/…), so no page grows with the catalog.
   */
  guides_per_page: z.number().int().min(1).max(500).default(50),
  /** The product panel shown on every structured guide unless the guide overrides it. */
  spotlight: spotlightSchema,
  /** Off unless set; when set, loads only after the reader consents. */
  analytics: analyticsSchema.optional(),
});

export type SiteSettings = z.infer<typeof siteSchema>;
export type SiteSettingsInput = z.input<typeof siteSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;

export const siteSettingsFile = path.join(dataDir, "site.yaml");

/** Deployment settings a CI job passes in the environment, e.g. the address GitHub Pages assigns. */
function environmentOverrides(): Partial<SiteSettingsInput> {
  const overrides: Partial<SiteSettingsInput> = {};
  if (process.env.SITE_BASE_URL) overrides.base_url = process.env.SITE_BASE_URL;
  if (process.env.SITE_PATH_PREFIX) overrides.path_prefix = process.env.SITE_PATH_PREFIX;
  return overrides;
}

/**
 * Reads site.yaml, then the SITE_BASE_URL and SITE_PATH_PREFIX environment variables, then `overrides`
 * (tests build under a path prefix or with analytics this way).
 */
export function loadSiteSettings(file = siteSettingsFile, overrides: Partial<SiteSettingsInput> = {}): SiteSettings {
  return readYamlFile(
    file,
    siteSchema,
    { heading: "The site settings are invalid; nothing was built.", reference: "README.md's Site settings section" },
    (data) => ({
      ...data,
      ...environmentOverrides(),
      ...overrides,
    }),
  );
}

/** The absolute address of a site path such as /guides/x/, with the path prefix. */
export function absoluteUrl(site: SiteSettings, sitePath: string): string {
  return `${site.base_url}${site.path_prefix}${sitePath.replace(/^\//, "")}`;
}
