import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { defaultGuidesDir, layoutsDir, projectRoot, stylesDir } from "../paths.ts";
import { BuildRefusedError } from "./refusal.ts";

/**
 * The file every build of this site writes at the root of its output, `npm start`'s included: a folder
 * holding it is a site a build wrote, which the next build may replace whole.
 */
export const siteMarkerName = ".built-by-dspm-guides";
export const siteMarkerText =
  "This folder is a site built by dspm-guides (npm run build or npm start); the next build replaces it whole.\n";

/** Where the build writes unless told otherwise, suggested in every refusal. */
const suggestion = "pass a folder of its own, e.g. --output _site";
const deletedInPlace = "which the build would delete to put the site in its place";
const deletedWith = "which the build would delete with the folder";

/**
 * Refuses an output folder the build must not replace, before anything is written or deleted. The build
 * deletes its output folder and puts the new site in its place, so the output may not be the project or
 * hold it, may not be, hold or lie in the guides, the code or what runs it, and may not be a folder of
 * files some other program wrote. It must also be writable throughout, or the old site could not be
 * deleted once the new one is in. Paths are compared as the file system resolves them, so `x/../guides`
 * or a link to guides/ is the guides folder.
 */
export function checkOutputFolder(output: string, input: string): void {
  const refuse = (why: string, fix = suggestion) => new BuildRefusedError(`--output ${output}: ${why}: ${fix}`);
  const target = resolvedPath(output);
  const root = resolvedPath(projectRoot);
  // A folder inside the project, such as the default _site, is fine; the project itself or a folder holding it is not.
  if (target === root) throw refuse(`is the project folder (${root}), ${deletedInPlace}`);
  if (isWithin(root, target)) throw refuse(`holds the project folder (${root}), ${deletedWith}`);
  for (const [name, folder] of protectedFolders(input)) {
    const resolved = resolvedPath(folder);
    if (target === resolved) throw refuse(`is ${name} (${resolved}), ${deletedInPlace}`);
    if (isWithin(target, resolved)) throw refuse(`lies inside ${name} (${resolved}), where the site would be mixed into its files`);
    if (isWithin(resolved, target)) throw refuse(`holds ${name} (${resolved}), ${deletedWith}`);
  }

  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw refuse("is a file, not a folder");
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(siteMarkerName)) {
      throw refuse(
        `holds files no build of this site wrote (there is no ${siteMarkerName} in it), which the build would delete`,
        "empty the folder or pass a new one",
      );
    }
  }
  // The staging folder and the lock are written beside the output.
  const beside = nearestExisting(path.dirname(target));
  if (!writable(beside)) {
    throw refuse(`${beside} is not writable, so the new site could not be written beside the old`, "pass another folder");
  }
  // Deleting the old site takes write permission on each of its folders; files need none of their own.
  const unwritable = existsSync(target) ? foldersWithin(target).find((folder) => !writable(folder)) : undefined;
  if (unwritable) {
    throw refuse(
      `${unwritable} is not writable, so the site there could not be replaced`,
      `make it writable (chmod -R u+w ${output}) or pass another folder`,
    );
  }
}

/** The folders a build may never write into, replace or hold, by what they are to a reader. */
function protectedFolders(input: string): [name: string, folder: string][] {
  return [
    ["the input folder", input],
    ["the project's guides folder", defaultGuidesDir],
    ["the layouts folder", layoutsDir],
    ["the styles folder", stylesDir],
    ["the source folder", path.join(projectRoot, "src")],
    ["the tests folder", path.join(projectRoot, "tests")],
    ["the installed packages", path.join(projectRoot, "node_modules")],
    ["the project's git repository", path.join(projectRoot, ".git")],
  ];
}

/** Whether `inner` lies inside `outer` (both resolved, and not the same). */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The path with every link in the part of it that exists resolved, as the file system would follow it. */
function resolvedPath(file: string): string {
  const absolute = path.resolve(file);
  const existing = nearestExisting(absolute);
  return path.join(realpathSync(existing), path.relative(existing, absolute));
}

function nearestExisting(absolute: string): string {
  let folder = absolute;
  while (!existsSync(folder)) folder = path.dirname(folder);
  return folder;
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function foldersWithin(folder: string): string[] {
  const below = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => foldersWithin(path.join(folder, entry.name)));
  return [folder, ...below];
}
