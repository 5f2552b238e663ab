import { isUtf8 } from "node:buffer";
import { lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../messages/problems.ts";
import { readFrontMatter } from "./front-matter.ts";
import { guideFileProblem, isReadme, scanGuideFolder } from "./guide-files.ts";
import type { GuideSource } from "./guide.ts";
import { canonicalWord, statuses, type Status } from "./schema.ts";

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
  const bytes = readFileSync(absolute);
  const source = { path: absolute, displayPath: path.relative(process.cwd(), absolute) };
  const unreadable = encodingProblem(bytes);
  return unreadable ? { ...source, text: "", unreadable } : { ...source, text: bytes.toString("utf8") };
}

/**
 * Guides are UTF-8 without a byte order mark. Read as anything else, a file would lose characters
 * silently ("�") or fail with a message about its front matter that misleads the author.
 */
function encodingProblem(bytes: Buffer): GuideSource["unreadable"] {
  const resave = "save the file as UTF-8 without a byte order mark (most editors offer it under Save with encoding)";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { line: 1, message: `starts with a UTF-8 byte order mark, which hides the opening --- line: ${resave}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: 1, message: `is UTF-16, not UTF-8: ${resave}` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
    return { line, message: `holds NUL bytes (UTF-16 text, or not text at all): ${resave}` };
  }
  if (isUtf8(bytes)) return undefined;
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end))) {
      return { line, message: `has bytes that are not UTF-8 on this line (another encoding, such as Windows-1252?): ${resave}` };
    }
    if (end === -1) return { message: `is not UTF-8: ${resave}` };
    start = end + 1;
  }
}

/** Every guide file under a folder, read, in a stable order. */
export function readGuideSources(folder: string): GuideSource[] {
  return guideFiles(folder).map(readGuideSource);
}

/**
 * The guide files a command line names, read, and a problem for every entry that is not a guide:
 * a folder's guides and whatever else it holds, or the file itself.
 */
export function checkedSourcesFor(target: string): { sources: GuideSource[]; problems: Problem[] } {
  if (lstatSync(target).isDirectory()) {
    const { files, problems } = scanGuideFolder(target);
    return { sources: files.map(readGuideSource), problems };
  }
  const problem = guideFileProblem(path.resolve(target));
  if (problem) return { sources: [], problems: [problem] };
  return { sources: isReadme(path.basename(target)) ? [] : [readGuideSource(target)], problems: [] };
}

/**
 * The status each guide of a folder declares, from its front matter alone: what a check of a few
 * files needs to know of the rest of the site. A guide whose status cannot be read counts as
 * published, since its own check reports it.
 */
export function declaredStatuses(folder: string, alreadyRead: ReadonlySet<string> = new Set()): Map<string, Status> {
  return new Map(
    scanGuideFolder(folder)
      .files.filter((file) => !alreadyRead.has(file))
      .map((file) => {
        const status = canonicalWord(readFrontMatter(readGuideSource(file).text).frontMatter?.data.status);
        return [path.basename(file, ".md"), statuses.includes(status as Status) ? (status as Status) : "published"];
      }),
  );
}

/** The guide files a command line names: a folder's guides, or the file itself. */
export function sourcesFor(target: string): GuideSource[] {
  return statSync(target).isDirectory() ? readGuideSources(target) : [readGuideSource(target)];
}
