// Production build: validates every guide, then writes the site to _site (drafts left out).
import { parseArgs } from "node:util";
import { buildSite } from "../build.ts";
import { defaultGuidesDir } from "../paths.ts";
import { GuideValidationError } from "../content/problems.ts";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: defaultGuidesDir },
    output: { type: "string", default: "_site" },
    drafts: { type: "boolean", default: false },
  },
});

const started = performance.now();
try {
  await buildSite({ input: values.input, output: values.output, includeDrafts: values.drafts, quiet: true });
  console.log(`Built ${values.output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}

function describeFailure(error: unknown): string {
  // Eleventy wraps errors thrown by event handlers; the validation error is the useful part.
  for (
    let cause: unknown = error;
    cause;
    cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause
  ) {
    if (cause instanceof GuideValidationError) return cause.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
