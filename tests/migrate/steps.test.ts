// Mapping legacy steps: title, prose and one command each, as a one-block list, the block with a guessed effect and language.
import { describe, expect, it } from "vitest";
import { formatReportLine } from "../../src/authoring/migrate/report.ts";
import { migrateSteps } from "../../src/authoring/migrate/steps.ts";
import { sectionOf } from "../helpers/mapping.ts";

function steps(stepsHtml: string) {
  const { children, ctx } = sectionOf(`<div class="steps-section">${stepsHtml}</div>`);
  return { steps: migrateSteps(children, ctx), report: ctx.report.map(formatReportLine), kept: ctx.kept };
}

describe("migrating legacy steps", () => {
  it("maps a numbered step with a title, prose and a command, and reports its guesses", () => {
    const result = steps(`
      <div class="step">
        <span class="step-number">1</span>
        <h3 class="step-title">List the keys</h3>
        <p>Every key of the user, <strong>active</strong> or not.</p>
        <div class="code-block">aws iam list-access-keys --user-name &lt;user&gt;</div>
      </div>`);
    expect(result).toEqual({
      steps: [
        {
          title: "List the keys",
          body: "Every key of the user, **active** or not.",
          commands: [{ code: "aws iam list-access-keys --user-name <user>", language: "bash", effect: "reads" }],
        },
      ],
      report: [
        'guessed, review it: steps[0].commands[0]: effect reads (from "list"), language bash (read from the command): "aws iam list-access-keys --user-name <user>"',
        "dropped, the site computes it: 1 step number (the steps are an ordered list)",
        "mapped: 1 step → steps, 1 with a command",
      ],
      kept: [],
    });
  });

  it("gives a destructive command a warning naming the word that decided it", () => {
    const [step] = steps('<div class="step"><h4>Delete it</h4><p>Gone for good.</p><pre>rm -rf ./config-review</pre></div>').steps!;
    expect(step!.commands).toEqual([
      {
        code: "rm -rf ./config-review",
        language: "bash",
        effect: "destructive",
        warning:
          'Migrated from a legacy guide and judged destructive because it uses "rm": review what it removes or replaces, and whether that can be undone, before running it.',
      },
    ]);
  });

  it("takes the language from a label before the block, and drops the label, which the layout draws", () => {
    const result = steps(
      '<div class="step"><h3>Rotate</h3><p>Set a new value.</p><div class="code-label">PowerShell</div><pre>Set-AzKeyVaultSecret -Name x</pre></div>',
    );
    expect(result.steps![0]).toMatchObject({ body: "Set a new value.", commands: [{ language: "powershell", effect: "changes" }] });
    expect(result.report).toContain(
      'dropped, the site computes it: label "PowerShell" of steps[0].commands[0] (the layout labels each command with its language)',
    );
    expect(result.report).toContainEqual(expect.stringMatching(/^guessed, review it: steps\[0\]\.commands\[0\]: .*\(from its label\)/));
  });

  it("keeps a second command and anything else the step body cannot hold", () => {
    const html =
      '<div class="step"><h3>Scan</h3><p>Run both.</p><pre>gitleaks dir .</pre><pre>trufflehog filesystem .</pre><table><tr><td>x</td></tr></table></div>';
    const result = steps(html);
    expect(result.steps![0]!.commands!.map((command) => command.code)).toEqual(["gitleaks dir ."]);
    expect(result.kept).toEqual(["<pre>trufflehog filesystem .</pre>", "<table><tr><td>x</td></tr></table>"]);
    expect(result.report).toContain('kept in legacy_content: <pre> "trufflehog filesystem .": in step 1, not prose a step body can hold');
  });

  it("keeps a step without prose whole, without the guesses made inside it", () => {
    const step = '<div class="step"><h3>Only a command</h3> <pre>ls</pre></div>';
    const result = steps(`${step}<p>Between the steps.</p>`);
    expect(result.steps).toBeUndefined();
    expect(result.kept).toEqual([step, "<p>Between the steps.</p>"]);
    expect(result.report).toEqual([
      'kept in legacy_content: <div class="step"> "Only a command ls": a step without a title or without prose',
      'kept in legacy_content: <p> "Between the steps.": between the steps, not in one',
    ]);
  });
});
