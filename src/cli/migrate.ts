// Converts legacy guides into the structured format:
// `npm run migrate -- <legacy files or folders…> [--out <folder>] [--force]` (default --out: guides/).
import { defaultGuidesDir } from "../paths.ts";
import { parseCommandLine } from "./command-line.ts";
import { migrateCommand } from "./commands.ts";

const { values, positionals } = parseCommandLine(migrateCommand);
// Loaded once the command line is good, so a mistake in it is answered at once.
const [{ migrateFiles }, { sourcesFor }, { loadSiteSettings }, { loadRegistry }] = await Promise.all([
  import("../authoring/migrate/migrate-files.ts"),
  import("../content/sources.ts"),
  import("../site-settings.ts"),
  import("../taxonomy/registry.ts"),
]);
process.exitCode = migrateFiles(
  positionals.flatMap(sourcesFor),
  { out: values.out ?? defaultGuidesDir, force: values.force, registry: loadRegistry(), site: loadSiteSettings() },
  console,
);
