// The placeholder rule (src/commands/placeholders.ts), the marks the build puts on placeholders in
// commands, and the warnings `npm run check` gives for text meant as a placeholder that breaks the rule.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import {
  fillPlaceholders,
  isPlaceholderName,
  placeholderMistakes,
  placeholdersAcross,
  placeholdersIn,
  suggestedPlaceholder,
} from "../src/commands/placeholders.ts";
import { readGuide } from "../src/content/guide.ts";
import { reviewGuides } from "../src/content/review.ts";
import { readGuideSources } from "../src/content/sources.ts";
import { highlightCommand } from "../src/markdown/highlight.ts";
import { loadSiteSettings } from "../src/site-settings.ts";
import { loadRegistry } from "../src/taxonomy/registry.ts";
import { runScript } from "./helpers/commands.ts";
import { temporaryFolder } from "./helpers/site.ts";

describe("the placeholder rule", () => {
  it.each(["region", "bucket-name", "key-id-2", "yyyymmdd", "a"])("<%s> is a placeholder", (name) => {
    expect(isPlaceholderName(name)).toBe(true);
  });

  it.each(["REGION", "Bucket Name", "bucket_name", "bucket--name", "region-", "-region", "2nd-key", "path.p8", "", "bucket name"])(
    "<%s> is not",
    (name) => {
      expect(isPlaceholderName(name)).toBe(false);
    },
  );

  it("lists a command's placeholders once each, in order, leaving out markup the command closes", () => {
    const code = "aws s3 ls s3://<bucket-name>/<prefix> --region <region>\necho '<b>bold</b>' <region> <key-id-2>";
    expect(placeholdersIn(code)).toEqual(["bucket-name", "prefix", "region", "key-id-2"]);
    expect(placeholdersAcross(["--region <region>", "--bucket <bucket> --region <region>"])).toEqual(["region", "bucket"]);
  });

  it("fills the placeholders that have a value and leaves the others as written", () => {
    const values = new Map([
      ["region", "eu-west-1"],
      ["zone", ""],
    ]);
    expect(fillPlaceholders("--region <region> --zone <zone> <constructor> --again <region>", values)).toBe(
      "--region eu-west-1 --zone <zone> <constructor> --again eu-west-1",
    );
    expect(fillPlaceholders("<b><region></b>", values)).toBe("<b>eu-west-1</b>");
  });
});

describe("text meant as a placeholder that breaks the rule", () => {
  it.each([
    ["echo <REGION>", "<REGION>", "<region>"],
    ["echo <Bucket Name>", "<Bucket Name>", "<bucket-name>"],
    ["echo <bucket_name>", "<bucket_name>", "<bucket-name>"],
    ["--key <path-to-rsa_key.p8>", "<path-to-rsa_key.p8>", "<path-to-rsa-key-p8>"],
    ["isEnabled=<True-or-False>", "<True-or-False>", "<true-or-false>"],
    ["echo <bucketName>", "<bucketName>", "<bucket-name>"],
    ["echo <bucket--name> <region->", "<bucket--name>", "<bucket-name>"],
    ["gcloud --project YOUR_PROJECT_ID", "YOUR_PROJECT_ID", "<project-id>"],
    ["aws s3 ls s3://your-bucket/", "your-bucket", "<bucket>"],
    ["echo '<USER_NAME>'", "<USER_NAME>", "<user-name>"],
  ])("%s: %s, written %s", (code, text, suggestion) => {
    expect(placeholderMistakes(code)[0]).toEqual({ text, start: code.indexOf(text), suggestion });
  });

  it.each([
    ["a heredoc", "cat <<EOF > policy.json\n{}\nEOF"],
    ["an indented heredoc", "cat <<-EOT\n\tbody\n\tEOT"],
    ["a quoted heredoc", "cat <<'EOF'\nEOF"],
    ["redirections", "terraform plan 2>&1 | tee plan.txt < input.txt > out.txt"],
    ["process substitution", "diff <(sort a) <(sort b)"],
    ["XML closed in the block", "echo '<Policy><Version>2012</Version></Policy>'"],
    ["XML with attributes", '<Statement Effect="Allow"/>'],
    ["shell variables", 'echo "${BUCKET}" $REGION ${YOUR_PROJECT} $env:YOUR_TOKEN'],
    ["a variable the block assigns", "YOUR_PROJECT=acme\ngcloud config set project YOUR_PROJECT"],
    ["comparisons", "if [ $a < $b ]; then :; fi; SELECT 1 WHERE a <> b"],
    ["generics", "const names: Array<String> = []"],
    ["rule-abiding placeholders", "aws s3 ls s3://<bucket-name> --region <region>"],
  ])("are never warned about: %s", (_kind, code) => {
    expect(placeholderMistakes(code)).toEqual([]);
  });

  it("suggests a name that follows the rule whatever it is given", () => {
    expect(suggestedPlaceholder("YOUR_")).toBe("<your>");
    expect(suggestedPlaceholder("2nd key")).toBe("<value-2nd-key>");
    for (const words of ["YOUR_KEY", "Bucket Name", "x__y", "path.p8", "ÄÖ"]) {
      expect(isPlaceholderName(suggestedPlaceholder(words).slice(1, -1)), words).toBe(true);
    }
  });
});

describe("marking placeholders in highlighted commands", () => {
  const marks = (html: string) =>
    parse(html)
      .querySelectorAll(".placeholder")
      .map((mark) => [mark.getAttribute("data-placeholder"), mark.textContent]);

  it.each([
    ["bash", 'aws s3api get-bucket-policy --bucket "<bucket-name>" --region <region> | jq ".Policy"', ["bucket-name", "region"]],
    ["sql", "SELECT * FROM <database>.<schema>.T WHERE user_name = '<user-name>' AND a <> 1;", ["database", "schema", "user-name"]],
    ["json", '{"bucketName": "<results-bucket>", "<key>": <count>}', ["results-bucket", "key", "count"]],
    ["powershell", 'Get-AzKeyVault -VaultName "<vault-name>" | Where-Object { $_.Location -eq "<region>" }', ["vault-name", "region"]],
    ["hcl", 'resource "aws_s3_bucket" "logs" {\n  bucket = "<bucket-name>"\n}', ["bucket-name"]],
    ["yaml", "region: <region>\nname: '<bucket-name>'", ["region", "bucket-name"]],
  ])("marks each placeholder in %s, keeping the command's text", (language, code, names) => {
    const html = highlightCommand(code, language);
    expect(parse(html).textContent).toBe(code);
    expect(marks(html)).toEqual(names.map((name) => [name, `<${name}>`]));
  });

  it("leaves heredocs, markup and commands without placeholders as highlight.js wrote them", () => {
    const code = "cat <<EOF > page.html\n<b>bold</b>\nEOF\nsort 2>&1 <(ls)";
    const html = highlightCommand(code, "bash");
    expect(parse(html).textContent).toBe(code);
    expect(marks(html)).toEqual([]);
  });

  it("marks nothing in a command that holds private-use characters of its own, and keeps them", () => {
    const code = "echo '\ue000' <region>";
    const html = highlightCommand(code, "bash");
    expect(parse(html).textContent).toBe(code);
    expect(marks(html)).toEqual([]);
  });
});

describe("npm run check", () => {
  const guide = `---
title: Find personal data in Snowflake
description: Locate columns that hold personal data.
platform: snowflake
risk: data exposure
regulation: GDPR
difficulty: beginner
status: draft
steps:
  - title: List the grants
    body: Start with who can read what.
    commands:
      - code: SHOW GRANTS ON TABLE <database>.<schema>.<table>;
        language: sql
        effect: reads
      - language: sql
        effect: reads
        code: |
          SELECT * FROM LOGIN_HISTORY
          WHERE user_name = '<USER_NAME>' AND client = '<USER_NAME>'
          AND token = YOUR_TOKEN_NAME;
  - title: Write the policy
    body: A heredoc and XML, which are no placeholders.
    commands:
      - code: |
          cat <<EOF > policy.xml 2>&1
          <Policy><Name>Readers</Name></Policy>
          EOF
        effect: changes
---
Why it matters.
`;

  it("warns once per text about placeholders that break the rule, at their block's line, with the fix", () => {
    const folder = path.join(temporaryFolder("placeholder-rule"), "guides");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "detect-pii-snowflake.md"), guide);
    const [source] = readGuideSources(folder);
    const { guide: read, frontMatter } = readGuide(source!, loadRegistry(), loadSiteSettings());
    expect(read).toBeDefined();
    const warnings = reviewGuides([{ source: source!, guide: read!, frontMatter: frontMatter! }], new Set(), new Date())
      .filter((warning) => warning.field.endsWith(".code"))
      .map((warning) => `${warning.line}: ${warning.field}: ${warning.message}`);
    expect(warnings).toEqual([
      `18: steps[0].commands[1].code: "<USER_NAME>" reads as a placeholder but is not one (lower-case words joined by hyphens, in angle brackets), so the page cannot fill in the reader's value: write <user-name>`,
      `18: steps[0].commands[1].code: "YOUR_TOKEN_NAME" reads as a placeholder but is not one (lower-case words joined by hyphens, in angle brackets), so the page cannot fill in the reader's value: write <token-name>`,
    ]);
  });

  it("prints the warnings and fails only with --strict", async () => {
    const folder = path.join(temporaryFolder("placeholder-check"), "guides");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "detect-pii-snowflake.md"), guide);
    const [lenient, strict] = await Promise.all([
      runScript("src/cli/check.ts", [folder]),
      runScript("src/cli/check.ts", ["--strict", folder]),
    ]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/detect-pii-snowflake\.md:18: steps\[0\]\.commands\[1\]\.code: "<USER_NAME>" reads as a placeholder/);
    expect(strict.status).toBe(1);
  });
});
