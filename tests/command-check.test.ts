import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VerdictCache } from "../src/commands/check/cache.ts";
import { CliCheckers } from "../src/commands/check/cli-checkers.ts";
import { onPath } from "../src/commands/check/clis.ts";
import { projectRoot } from "../src/paths.ts";
import { runScript } from "./helpers/commands.ts";

const mistakes = "tests/fixtures/commands/mistakes/detect-api-keys-secrets-tokens-aws.md";
const valid = "tests/fixtures/commands/valid";
// A cache of its own, empty, so the fixtures are judged by the real CLIs and not by an earlier run's verdicts.
const cacheFolder = mkdtempSync(path.join(os.tmpdir(), "command-check-test-"));
const freshCache = path.join(cacheFolder, "verdicts.json");
const withFreshCache = { ...process.env, COMMAND_CHECK_CACHE: freshCache };
// Cold CLIs load their command tables on the first call: seconds each on a busy two-core machine.
const cliTimeout = 180_000;

afterAll(() => rmSync(cacheFolder, { recursive: true, force: true }));

/**
 * The machine image (and so CI) ships aws and gcloud; a plain Debian container has neither, and there
 * the check skips them with a line each, so the tests that need their verdicts are skipped too.
 */
const awsAndGcloud = ["aws", "gcloud"].every((cli) => {
  try {
    return Boolean(onPath(cli));
  } catch {
    return false;
  }
});

/** `file:line: steps[N].commands[0]: ` for the line of the fixture that holds the text. */
function placeOf(text: string, step: number): string {
  const line =
    readFileSync(path.join(projectRoot, mistakes), "utf8")
      .split("\n")
      .findIndex((written) => written.includes(text)) + 1;
  expect(line, `the fixture holds ${text}`).toBeGreaterThan(0);
  return `${mistakes}:${line}: steps[${step}].commands[0]: `;
}

describe.skipIf(!awsAndGcloud)("npm run check -- --commands", () => {
  it(
    "reports each mistake at its file and line, in the CLI's own words, and exits 1",
    async () => {
      const run = await runScript("src/cli/check.ts", ["--commands", mistakes], withFreshCache);
      expect(run.status).toBe(1);
      const reported = run.stderr.split("\n");
      for (const expected of [
        `${placeOf("--max-itemz", 0)}aws: Unknown options: --max-itemz, 10; did you mean --max-items?`,
        `${placeOf("--user-nam ", 1)}aws: Unknown options: --user-nam, user-name; --user-nam is short for --user-name: write it in full`,
        `${placeOf("get-bucket-colour", 2)}aws: Invalid choice: 'get-bucket-colour', maybe you meant: get-bucket-cors`,
        `${placeOf("--projct", 3)}gcloud: (gcloud.iam.service-accounts.list) unrecognized arguments: --projct=project-id (did you mean '--project'?)`,
        `${placeOf("secret-manager", 4)}gcloud: (gcloud) Invalid choice: 'secret-manager'.`,
        `${placeOf("--policy-document", 5)}aws: --policy-document: not valid JSON (Unexpected token ']')`,
        `${placeOf('echo "done', 6)}bash: unexpected EOF while looking for matching`,
      ]) {
        expect(reported.some((line) => line.startsWith(expected))).toBe(true);
      }
      expect(run.stderr).toMatch(/^Commands: 7 blocks: .*7 failed\.$/m);
      expect(run.stderr).not.toContain("off loopback");
    },
    cliTimeout,
  );

  it(
    "lets valid blocks through, each call parsed by its CLI, and names each CLI's version",
    async () => {
      const run = await runScript("src/cli/check.ts", ["--commands", valid], withFreshCache);
      expect(run.stderr).not.toMatch(/steps\[\d+\]\.commands/);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/\d+ by aws-cli 1\.\d+\.\d+/);
      expect(run.stdout).toMatch(/\d+ by gcloud \d+\.\d+\.\d+/);
      expect(run.stdout).toMatch(/, 0 failed\.\n.*, 0 failed\.$/m);
      // az is skipped with one line where it is not installed, and never fails the run.
      expect(run.stderr.split("\n").filter((line) => line.startsWith("az "))).toHaveLength(run.stdout.includes("by azure-cli") ? 0 : 1);
    },
    cliTimeout,
  );

  it(
    "finds no mistake in the guides' commands",
    async () => {
      const run = await runScript("src/cli/check.ts", ["--commands"]);
      expect(run.stderr).not.toMatch(/steps\[\d+\]\.commands/);
      expect(run.status).toBe(0);
    },
    cliTimeout,
  );
});

describe("the CLIs stay on loopback", () => {
  it.skipIf(!awsAndGcloud)(
    "ends an aws call at the closed endpoint and a gcloud call before it signs in, trying no other host",
    async () => {
      const checkers = new CliCheckers(new VerdictCache(path.join(cacheFolder, "loopback.json")));
      try {
        const aws = await checkers.verdict("aws", ["s3api", "list-buckets"]);
        const gcloud = await checkers.verdict("gcloud", ["storage", "buckets", "list", "--project=project-id"]);
        for (const asked of [aws, gcloud]) expect("verdict" in asked && asked.verdict.offLoopback).toEqual([]);
        expect("verdict" in aws && aws.verdict).toMatchObject({ outcome: "parsed", message: "reached the closed endpoint" });
        expect("verdict" in gcloud && gcloud.verdict).toMatchObject({ outcome: "parsed", message: "stopped before signing in" });
      } finally {
        await checkers.close();
      }
    },
    cliTimeout,
  );

  it.skipIf(!awsAndGcloud)(
    "lets a CLI write nothing outside its own folder: a guide's key file named by an absolute path stays as it was",
    async () => {
      const victim = path.join(cacheFolder, "project-file.ts");
      writeFileSync(victim, "export const kept = true;\n");
      const checkers = new CliCheckers(new VerdictCache(path.join(cacheFolder, "files.json")));
      try {
        await checkers.verdict("gcloud", [
          "iam",
          "service-accounts",
          "keys",
          "create",
          victim,
          "--iam-account=sa@project-id.iam.gserviceaccount.com",
        ]);
      } finally {
        await checkers.close();
      }
      expect(readFileSync(victim, "utf8")).toBe("export const kept = true;\n");
      expect(existsSync(path.join(projectRoot, "new-key-file"))).toBe(false);
    },
    cliTimeout,
  );

  it("refuses a connection or a name lookup off loopback before anything is sent", () => {
    const script = `
import socket, network_guard
network_guard.install()
for attempt in (lambda: socket.create_connection(("192.0.2.1", 443), timeout=1), lambda: socket.getaddrinfo("example.com", 443)):
    try:
        attempt()
    except network_guard.ReachedNetwork:
        pass
print(",".join(network_guard.take_attempts()))
`;
    const attempts = execFileSync("python3", ["-c", script], {
      encoding: "utf8",
      env: { ...process.env, PYTHONPATH: path.join(projectRoot, "src", "commands", "check", "python"), PYTHONDONTWRITEBYTECODE: "1" },
    });
    expect(attempts.trim()).toBe("192.0.2.1:443,example.com:443");
  });
});
