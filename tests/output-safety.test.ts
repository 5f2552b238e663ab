// A build can never hurt the project or publish half a site: it refuses an output folder it must not
// replace and an empty input in one line with exit code 2, before writing anything; two builds into one
// folder never mix their sites; and an interrupted or failed build leaves the previous site serving and
// nothing behind that stops the next build. The commands run for real, on the fixture site, as few full
// builds as the cases allow: one pair at once, one interrupted, one after a failure, one of an empty input.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../src/build.ts";
import { siteMarkerName } from "../src/output/output-folder.ts";
import { BuildRefusedError } from "../src/output/refusal.ts";
import { swapIn } from "../src/output/swap.ts";
import { defaultGuidesDir, projectRoot } from "../src/paths.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

const fixtureGuides = path.join(fixturesDir, "site", "guides");

interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run build` with these arguments, run from the project folder as npm runs it; the child is the build itself. */
function startBuild(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts", ...args], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const finished = new Promise<BuildRun>((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
  return { child, finished };
}

const build = (...args: string[]) => startBuild(args).finished;

/** Every file of a site, by its path in the site, with when it was last written. */
function snapshot(folder: string): Record<string, number> {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => statSync(path.join(folder, file)).isFile());
  return Object.fromEntries(files.sort().map((file) => [file, statSync(path.join(folder, file)).mtimeMs]));
}

const fileList = (folder: string) => Object.keys(snapshot(folder));

/** What builds write beside an output folder: `<output>.lock`, `<output>.staging-…`, `<output>.previous-…`. */
const beside = (output: string) => readdirSync(path.dirname(output)).filter((name) => name.startsWith(`${path.basename(output)}.`));

/** A pid no process has: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

/**
 * Makes a folder read-only for this process, returning how to undo it: its mode for a user, the
 * immutable attribute for root, whom no mode stops. Undefined where neither can be done.
 */
function makeReadOnly(folder: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    const { mode } = statSync(folder);
    execFileSync("chmod", ["a-w", folder]);
    return () => execFileSync("chmod", [(mode & 0o7777).toString(8), folder]);
  }
  try {
    execFileSync("chattr", ["+i", folder], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return () => execFileSync("chattr", ["-i", folder]);
}

function expectOneLineRefusal(run: BuildRun, start: string, end: string): void {
  expect(run.stderr).toMatch(/^[^\n]+\n$/);
  expect(run.stderr.startsWith(start), run.stderr).toBe(true);
  expect(run.stderr.trimEnd().endsWith(end), run.stderr).toBe(true);
  expect(run.stdout).toBe("");
  expect(run.status).toBe(2);
}

describe("an output folder the build must not replace is refused before anything is written", () => {
  // Other work goes on in the project while this runs, so what is compared is what a build into each
  // folder would change: the folder replaced (a new inode), files written beside it, and the guides.
  const footprint = (output: string) => {
    const resolved = path.resolve(projectRoot, output);
    return { inode: statSync(resolved).ino, beside: beside(resolved) };
  };

  it.concurrent.each([
    [".", "is the project folder"],
    ["..", "holds the project folder"],
    ["guides", "is the input folder"],
    ["./src/../guides", "is the input folder"],
    ["src", "is the source folder"],
  ])("npm run build -- --output %s", async (output, why) => {
    const before = { folder: footprint(output), guides: snapshot(defaultGuidesDir), project: readdirSync(projectRoot).sort() };
    const run = await build("--output", output);
    expectOneLineRefusal(run, `--output ${output}: ${why} (`, ": pass a folder of its own, e.g. --output _site");
    expect({ folder: footprint(output), guides: snapshot(defaultGuidesDir), project: readdirSync(projectRoot).sort() }).toEqual(before);
  });

  it("refuses a link to the guides, a folder inside the input or tests, a file, and a folder of someone else's files", async () => {
    const folder = temporaryFolder("refused");
    const link = path.join(folder, "link-to-guides");
    symlinkSync(defaultGuidesDir, link);
    const theirs = path.join(folder, "theirs");
    mkdirSync(theirs);
    writeFileSync(path.join(theirs, "notes.txt"), "mine\n");
    const file = path.join(folder, "file.txt");
    writeFileSync(file, "a file\n");
    const refusal = (output: string) =>
      buildSite({ input: fixtureGuides, output }).then(
        () => "built",
        (error: unknown) => (error instanceof BuildRefusedError ? error.message : `not refused: ${String(error)}`),
      );
    expect(await refusal(link)).toBe(
      `--output ${link}: is the project's guides folder (${defaultGuidesDir}), which the build would delete to put the site in its place: pass a folder of its own, e.g. --output _site`,
    );
    expect(await refusal(path.join(fixtureGuides, "_site"))).toMatch(
      /: lies inside the input folder \(.+\), where the site would be mixed/,
    );
    expect(await refusal(path.join(projectRoot, "tests", "_site"))).toMatch(/: lies inside the tests folder \(/);
    expect(await refusal(file)).toBe(`--output ${file}: is a file, not a folder: pass a folder of its own, e.g. --output _site`);
    expect(await refusal(theirs)).toBe(
      `--output ${theirs}: holds files no build of this site wrote (there is no ${siteMarkerName} in it), which the build would delete: empty the folder or pass a new one`,
    );
    expect(readdirSync(folder).sort()).toEqual(["file.txt", "link-to-guides", "theirs"]);
    expect(readdirSync(theirs)).toEqual(["notes.txt"]);
  });
});

describe("builds into one output folder", () => {
  const output = path.join(temporaryFolder("safety"), "_site");
  const args = ["--input", fixtureGuides, "--output", output];
  let together: BuildRun[];
  let firstSite: string[];

  beforeAll(async () => {
    together = await Promise.all([build(...args), build(...args)]);
    firstSite = fileList(output);
  });

  it("two at once: one builds, the other refuses in one line, and the site is whole", () => {
    expect(together.map((run) => run.status).sort()).toEqual([0, 2]);
    const refused = together.find((run) => run.status === 2)!;
    expectOneLineRefusal(refused, `--output ${output}: another build (pid `, `delete ${output}.lock`);
    expect(beside(output)).toEqual([]);
    expect(firstSite).toEqual(
      expect.arrayContaining([
        siteMarkerName,
        "_headers",
        "index.html",
        "sitemap.xml",
        "feed.xml",
        "pagefind/pagefind.js",
        "assets/site.css",
      ]),
    );
  });

  it("an interrupted build exits 130, leaving the previous site as it was and nothing beside it", async () => {
    const before = snapshot(output);
    const { child, finished } = startBuild(args);
    // Interrupted while it writes: its staging folder is there.
    await vi.waitFor(
      () => {
        if (!beside(output).some((name) => name.includes(".staging-"))) throw new Error("the build has not started writing");
      },
      { timeout: 30_000, interval: 25 },
    );
    child.kill("SIGINT");
    const run = await finished;
    expect(run.status).toBe(130);
    expect(beside(output)).toEqual([]);
    expect(snapshot(output)).toEqual(before);
  });

  it("a site that cannot be replaced is refused, and left as it was", async (context) => {
    const before = snapshot(output);
    const guides = path.join(output, "guides");
    const undo = makeReadOnly(guides);
    if (!undo) return context.skip("no way to make a folder read-only here");
    let run: BuildRun;
    try {
      run = await build(...args);
    } finally {
      undo();
    }
    expectOneLineRefusal(run, `--output ${output}: ${guides} is not writable`, "or pass another folder");
    expect(beside(output)).toEqual([]);
    expect(snapshot(output)).toEqual(before);
  });

  it("what dead builds left behind does not stop the next build, which replaces the site whole", async () => {
    const pid = deadPid();
    writeFileSync(`${output}.lock`, `${pid}\n`);
    writeFileSync(`${output}.lock-${pid}-0123abcd`, `${pid}\n`);
    mkdirSync(`${output}.staging-${pid}-89abcdef/guides`, { recursive: true });
    mkdirSync(`${output}.previous-${pid}-deadbeef`);
    // The fixed name earlier versions used: no longer in the way, and not this build's to delete.
    mkdirSync(`${output}.previous`);
    const before = snapshot(output);
    const run = await build(...args);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(beside(output)).toEqual([`${path.basename(output)}.previous`]);
    expect(fileList(output)).toEqual(firstSite);
    expect(snapshot(output)["index.html"]).toBeGreaterThan(before["index.html"]!);
  });
});

describe("an input with no guides", () => {
  const folder = temporaryFolder("empty");
  const input = path.join(folder, "guides");
  mkdirSync(input);
  const output = path.join(folder, "_site");

  it("is refused in one line, with nothing written", async () => {
    const run = await build("--input", input, "--output", output);
    expectOneLineRefusal(run, `${input} holds no guides: `, "; pass --allow-empty to build an empty site");
    expect(readdirSync(folder)).toEqual(["guides"]);
  });

  it("builds an empty site with --allow-empty", async () => {
    // The empty site's card is drawn into a cache of its own, not the project's.
    const env = { ...process.env, SOCIAL_CARD_CACHE: path.join(folder, "cards") };
    const run = await startBuild(["--input", input, "--output", output, "--allow-empty"], env).finished;
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toContain("<html");
    expect(beside(output)).toEqual([]);
  });
});

describe("the swap", () => {
  it("puts the previous site back when the new one cannot be moved in", () => {
    const folder = temporaryFolder("swap");
    const target = path.join(folder, "_site");
    mkdirSync(target);
    writeFileSync(path.join(target, "index.html"), "previous");
    const missing = path.join(folder, "_site.staging-1-00000000");
    expect(() => swapIn(missing, target, path.join(folder, "_site.previous-1-00000000"))).toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual(["_site"]);
    expect(readFileSync(path.join(target, "index.html"), "utf8")).toBe("previous");
    rmSync(folder, { recursive: true });
  });
});
