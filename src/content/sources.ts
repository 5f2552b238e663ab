import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { GuideSource } from "./guide.ts";

/** Markdown files under a folder, walked with directory entries: `recursive: true` stats every file. */
export function markdownFiles(root: string, folder = ""): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : markdownFiles(root, name);
    return entry.name.endsWith(".md") && entry.name !== "README.md" ? [name] : [];
  });
}

/** Every guide file under a folder, by absolute path, in a stable order. README.md files are documentation, not guides. */
export function guideFiles(folder: string): string[] {
  const root = path.resolve(folder);
  return markdownFiles(root)
    .sort()
    .map((name) => path.join(root, name));
}

/** One guide file, read, named in messages by its path from the working directory. */
export function readGuideSource(file: string): GuideSource {
  const absolute = path.resolve(file);
  return { path: absolute, displayPath: path.relative(process.cwd(), absolute), text: readFileSync(absolute, "utf8") };
}

/** Every guide file under a folder, read, in a stable order. */
export function readGuideSources(folder: string): GuideSource[] {
  return guideFiles(folder).map(readGuideSource);
}

/** The guide files a command line names: a folder's guides, or the file itself. */
export function sourcesFor(target: string): GuideSource[] {
  return statSync(target).isDirectory() ? readGuideSources(target) : [readGuideSource(target)];
}
