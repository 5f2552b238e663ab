// Production build: validates every guide, then writes the site to _site (drafts left out).
import { parseCommandLine } from "./command-line.ts";
import { buildCommand } from "./commands.ts";
import { describeFailure } from "./failure.ts";
import { buildProgress } from "./progress.ts";

const { values } = parseCommandLine(buildCommand);
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
