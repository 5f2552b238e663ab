// npm start's preview: its own folder, its build problems in the browser, and a site that follows the files.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../src/bench/chromium.ts";
import { startPreviewServer } from "../src/bench/dev-server.ts";
import { runScript } from "./helpers/commands.ts";
import { fixturesDir, temporaryFolder } from "./helpers/site.ts";

// Starting the preview is the slowest step, and it runs beside other test files: a minute for each wait.
const wait = { timeout: 60_000, interval: 250 };
const root = temporaryFolder("preview");
const guides = path.join(root, "guides");
const previewFolder = path.join(root, "_preview");
const port = 20000 + Math.floor(Math.random() * 20000);
const origin = `http://127.0.0.1:${port}`;
const draftUrl = "/guides/detect-pii-gcp/";
const guideFile = (name: string) => path.join(guides, `${name}.md`);
const status = (url: string) =>
  fetch(`${origin}${url}`).then(
    (response) => response.status,
    () => 0,
  );
const text = (url: string) =>
  fetch(`${origin}${url}`).then(
    (response) => response.text(),
    () => "",
  );
const filesIn = (folder: string) => readdirSync(folder, { recursive: true, encoding: "utf8" }).sort();
/** The preview's pages load its problems script; that line is all a production build's page lacks. */
const withoutPreviewScript = (html: string) => html.replace('<script type="module" src="/.preview/problems.js"></script>', "");
/** The processes the preview started, as `pid state command`. */
const childProcesses = (pid: number) =>
  execFileSync("ps", ["-o", "pid=,stat=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.trim() !== "");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

cpSync(path.join(fixturesDir, "site", "guides"), guides, { recursive: true });
const server = startPreviewServer({ input: guides, output: previewFolder, port });
let log = "";
server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));

beforeAll(async () => {
  // expect.poll works only inside a test.
  const deadline = Date.now() + wait.timeout;
  while ((await status(draftUrl)) !== 200) {
    if (Date.now() > deadline) throw new Error(`The preview did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, wait.interval));
  }
}, wait.timeout + 10_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

describe("npm start's preview", () => {
  it(
    "has a folder of its own, which a production build leaves alone, and never writes drafts into the build's",
    { timeout: wait.timeout },
    async () => {
      const before = filesIn(previewFolder);
      const built = path.join(root, "_site");
      const build = await runScript("src/cli/build.ts", ["--input", guides, "--output", built]);
      expect(build.status, build.stderr).toBe(0);
      expect(filesIn(previewFolder)).toEqual(before);
      expect(await status(draftUrl)).toBe(200);
      expect(filesIn(built)).not.toContain("guides/detect-pii-gcp/index.html");
      expect(readFileSync(path.join(import.meta.dirname, "..", ".gitignore"), "utf8")).toMatch(/^_preview\/$/m);
    },
  );

  describe("in the browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser.close();
    });

    it(
      "shows an invalid guide's problems over the last good page, without a stack, until it is fixed",
      { timeout: 3 * wait.timeout },
      async () => {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on("console", (message) => {
          if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
        });
        const file = guideFile("detect-pii-aws");
        const valid = readFileSync(file, "utf8");
        await page.goto(`${origin}/guides/detect-pii-aws/`);
        const heading = await page.locator("h1").textContent();
        const overlay = page.locator(".preview-problems");
        try {
          writeFileSync(file, valid.replace(/^platform: Amazon Web Services$/m, "platform: awz"));
          await expect
            .poll(() => overlay.textContent().catch(() => ""), wait)
            .toMatch(/detect-pii-aws\.md:\d+: platform: unknown platform "awz": did you mean "aws"\?/);
          expect(await overlay.textContent()).not.toMatch(/\n\s+at /);
          expect(await page.locator("h1").textContent()).toBe(heading);
          await page.reload();
          await expect.poll(() => overlay.textContent().catch(() => ""), wait).toContain('platform: unknown platform "awz"');
          expect(log).toMatch(/detect-pii-aws\.md:\d+: platform: unknown platform "awz"/);
        } finally {
          writeFileSync(file, valid);
        }
        await expect.poll(() => overlay.count(), wait).toBe(0);
        expect(violations).toEqual([]);
        await page.close();
      },
    );
  });

  it(
    "follows twenty edits, a rename and a deletion, then serves what a fresh build writes, with no process left behind",
    { timeout: 25 * wait.timeout },
    async () => {
      const edited = guideFile("detect-pii-aws");
      // Each edit is served before the next is saved, so every one is a rebuild of its own: what drifts, drifts twenty times.
      // The step's prose changes too, and is served as saved.
      for (let edit = 1; edit <= 20; edit++) {
        writeFileSync(
          edited,
          readFileSync(edited, "utf8")
            .replace(/^title: .*$/m, `title: Find personal data in AWS, edit ${edit}`)
            .replace(/^( {4}body: Macie samples objects).*$/m, `$1 in pass ${edit} and reports what it finds.`),
        );
        const page = () => text("/guides/detect-pii-aws/");
        await expect.poll(page, wait).toContain(`edit ${edit}<`);
        expect(await page()).toContain(`Macie samples objects in pass ${edit} and reports`);
      }
      writeFileSync(edited, readFileSync(edited, "utf8").replace(/^title: .*$/m, "title: Find personal data in AWS, edited twice"));
      const renamed = readFileSync(guideFile("detect-customer-data-snowflake"), "utf8").replace(/^platform: snowflake$/m, "platform: aws");
      rmSync(guideFile("detect-customer-data-snowflake"));
      writeFileSync(guideFile("detect-customer-data-aws"), renamed);
      renameSync(guideFile("prevent-exposure-of-api-keys-secrets-tokens-azure"), path.join(root, "deleted.md"));

      await expect.poll(() => text("/guides/detect-pii-aws/"), wait).toContain("edited twice");
      await expect.poll(() => status("/guides/detect-customer-data-aws/"), wait).toBe(200);
      expect(await status("/guides/detect-customer-data-snowflake/")).toBe(404);
      expect(await status("/guides/prevent-exposure-of-api-keys-secrets-tokens-azure/")).toBe(404);
      expect(await text("/guides.json")).not.toContain("prevent-exposure-of-api-keys-secrets-tokens-azure");

      const fresh = path.join(temporaryFolder("preview-fresh"), "_site");
      const build = await runScript("src/cli/build.ts", ["--input", guides, "--output", fresh, "--drafts"]);
      expect(build.status, build.stderr).toBe(0);
      // The search index is written a moment after the pages.
      await expect.poll(() => filesIn(previewFolder), wait).toEqual(filesIn(fresh));
      for (const page of ["guides/detect-pii-aws/index.html", "index.html", "guides.json"]) {
        expect(withoutPreviewScript(readFileSync(path.join(previewFolder, page), "utf8")), page).toBe(
          readFileSync(path.join(fresh, page), "utf8"),
        );
      }

      const pid = server.pid!;
      await expect.poll(() => childProcesses(pid).filter((line) => / Z|pagefind/.test(line)), wait).toEqual([]);
      const children = childProcesses(pid).map((line) => Number(line.trim().split(/\s+/)[0]));
      server.kill("SIGTERM");
      await once(server, "exit");
      expect(await status("/")).toBe(0);
      // esbuild's services (tsx's and the scripts') end when their parent's pipe closes, a moment after it exits.
      await expect.poll(() => children.filter(alive), { timeout: 10_000, interval: 100 }).toEqual([]);
    },
  );
});
