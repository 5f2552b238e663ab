// Production build: validates every guide, then writes the site to _site (drafts left out).
import { defaultGuidesDir } from "../paths.ts";
import { parseCommandLine, requireFolder } from "./command-line.ts";
import { describeFailure } from "./failure.ts";
import { buildProgress } from "./progress.ts";

const usage = `Usage: npm run build -- [--input <guides folder>] [--output <folder>] [--drafts]

Validates every guide in --input (default: guides/), then writes the site into --output (default: _site/),
swapping the new site in only when every page was written. Drafts are left out unless --drafts is given.
Exit code 0 when the site was built, 1 when a guide is invalid or the build failed, 2 for a command-line mistake.`;

const { values } = parseCommandLine({
  usage,
  options: {
    input: { type: "string", default: defaultGuidesDir },
    output: { type: "string", default: "_site" },
    drafts: { type: "boolean", default: false },
  },
  positionals: false,
});
// Eleventy would report a missing input folder as an internal error with its stack.
requireFolder("input", values.input, usage);
// Loaded only once the arguments are good: Eleventy takes seconds to load, and a mistake is answered at once.
const { buildSite } = await import("../build.ts");

const started = performance.now();
try {
  await buildSite({
    input: values.input,
    output: values.output,
    includeDrafts: values.drafts,
    quiet: true,
    reporter: buildProgress(process.stdout),
  });
  console.log(`Built ${values.output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
