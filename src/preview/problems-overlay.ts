import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { EleventyConfig } from "../eleventy-types.ts";
import { projectRoot } from "../paths.ts";

/** The problems of the preview's last build, shared between the build and the dev server. */
export interface PreviewStatus {
  /** One `file:line: field: problem: fix` line each (or one line for a fault of the site's own code); empty once a build succeeds. */
  problems: string[];
}

const overlayScriptUrl = "/.preview/problems.js";

async function bundleOverlayScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectRoot, "src", "client", "preview-problems.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    legalComments: "none",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * Shows the preview's build problems in the browser, over the last good page. Eleventy's dev server
 * only logs a failed build to the browser's console, so every page the preview writes loads a small
 * script that asks the dev server for the problems; the script, its stylesheet and the problems are
 * answered from memory, never written to the output, and come from the site's own origin, as its
 * Content-Security-Policy requires. Registered for npm start only.
 */
export function registerProblemsOverlay(eleventyConfig: EleventyConfig, status: PreviewStatus): void {
  let overlayScript: Promise<string> | undefined;
  const stylesheet = readFileSync(path.join(projectRoot, "src", "preview", "problems.css"), "utf8");
  const noStore = { "Cache-Control": "no-store" };
  eleventyConfig.setServerOptions({
    onRequest: {
      "/.preview/problems.json": () => ({
        headers: { ...noStore, "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify(status),
      }),
      [overlayScriptUrl]: async () => ({
        headers: { ...noStore, "Content-Type": "text/javascript; charset=utf-8" },
        body: await (overlayScript ??= bundleOverlayScript()),
      }),
      "/.preview/problems.css": () => ({ headers: { ...noStore, "Content-Type": "text/css; charset=utf-8" }, body: stylesheet }),
    },
  });
  eleventyConfig.addTransform("preview-problems", function (this: { page: { outputPath: string | false } }, content: string) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    return content.replace("</head>", `<script type="module" src="${overlayScriptUrl}"></script></head>`);
  });
}
