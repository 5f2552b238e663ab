import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { dataDir } from "./paths.ts";

const spotlightSchema = z.strictObject({ title: z.string().min(1), text: z.string().min(1) });

const siteSchema = z.strictObject({
  /** Shown in the header and in every `<title>`. */
  name: z.string().min(1),
  /** One line under the name on the home page. */
  tagline: z.string().min(1),
  /** The `lang` of every page. */
  language: z.string().min(2),
  /** The product panel shown on every structured guide unless the guide overrides it. */
  spotlight: spotlightSchema,
});

export type SiteSettings = z.infer<typeof siteSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;

export const siteSettingsFile = path.join(dataDir, "site.yaml");

export function loadSiteSettings(file = siteSettingsFile): SiteSettings {
  const parsed = siteSchema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${file}: ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`The site settings are invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
