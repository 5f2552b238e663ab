// Production build: validates every guide, then writes the site to _site (drafts left out).
import { refuseUnsafeBuild } from "../build-refusals.ts";
import { BuildRefusedError } from "../output/refusal.ts";
import { parseCommandLine } from "./command-line.ts";
import { buildCommand } from "./commands.ts";
import { describeFailure } from "./failure.ts";
import { buildProgress } from "./progress.ts";

const { values } = parseCommandLine(buildCommand);
const asked = { input: values.input, output: values.output, includeDrafts: values.drafts, allowEmpty: values["allow-empty"] };

const started = performance.now();
try {
  // Answered before Eleventy loads, as a command-line mistake is; buildSite checks again for its other callers.
  refuseUnsafeBuild(asked);
  // Loaded only once the arguments are good: Eleventy takes seconds to load.
  const { buildSite } = await import("../build.ts");
  await buildSite({ ...asked, quiet: true, reporter: buildProgress(process.stdout) });
  console.log(`Built ${values.output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  // A refused build wrote nothing and is fixed on the command line: one line, and the exit code of a command-line mistake.
  const refused = error instanceof BuildRefusedError;
  console.error(refused ? error.message : describeFailure(error));
  process.exitCode = refused ? 2 : 1;
}
