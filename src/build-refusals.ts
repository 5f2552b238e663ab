import type { BuildOptions } from "./build.ts";
import { guideFiles } from "./content/sources.ts";
import { checkOutputFolder } from "./output/output-folder.ts";
import { BuildRefusedError } from "./output/refusal.ts";

/**
 * The builds refused before anything is written (BuildRefusedError): an output folder the build must not
 * replace, and an input with no guides, which is more likely a bad checkout than a wish for an empty site.
 * Free of Eleventy, so `npm run build` answers them before taking seconds to load it.
 */
export function refuseUnsafeBuild({ input, output, allowEmpty = false }: Pick<BuildOptions, "input" | "output" | "allowEmpty">): void {
  checkOutputFolder(output, input);
  if (!allowEmpty && guideFiles(input).length === 0) {
    throw new BuildRefusedError(
      `${input} holds no guides: no guide .md file in it or its folders, so the site would have no pages; pass --allow-empty to build an empty site`,
    );
  }
}
