// `npm run new`'s questions: in-process on streams that behave as a terminal (readline reads keys, so
// Ctrl+C arrives as it does from a keyboard), then the command itself on a pseudo-terminal from
// util-linux's `script`, as an author types at it.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { createPrompter, PromptEnded, type Question } from "../src/cli/prompt.ts";
import { projectRoot } from "../src/paths.ts";
import { temporaryFolder } from "./helpers/site.ts";

/** A prompter on a fake terminal: what it printed so far (escape codes removed), and a way to type. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  return {
    prompter: createPrompter(input, output),
    /** Types the keys, then lets the question answer them, as a person waits for the next prompt. */
    type: async (keys: string) => {
      input.write(keys);
      await new Promise(setImmediate);
    },
    printed: () => stripVTControlCharacters(printed).replace(/\r/g, ""),
  };
}

const colours: Question<string> = {
  name: "colour",
  choices: ["red", "green"],
  read: (answer) =>
    ["red", "green"].includes(answer) ? { value: answer } : { problem: `unknown colour "${answer}": did you mean "red"?` },
};

describe("a question", () => {
  it("says it has no default, and asks again on Enter and on a wrong answer, in its own words", async () => {
    const terminal = fakeTerminal();
    const answer = terminal.prompter.ask(colours);
    for (const keys of ["\r", "rde\r", "green\r"]) await terminal.type(keys);
    await expect(answer).resolves.toBe("green");
    expect(terminal.printed().split("\n")).toEqual([
      "colour (red, green) [no default]: ",
      "colour: there is no default, so type one",
      "colour (red, green) [no default]: rde",
      'unknown colour "rde": did you mean "red"?',
      "colour (red, green) [no default]: green",
      "",
    ]);
    expect(terminal.printed()).not.toContain("--");
  });

  it("shows its default, which Enter takes", async () => {
    const terminal = fakeTerminal();
    const answer = terminal.prompter.ask({ ...colours, fallback: { value: "red", shown: "red" } });
    await terminal.type("\r");
    await expect(answer).resolves.toBe("red");
    expect(terminal.printed()).toBe("colour (red, green) [Enter for red]: \n");
  });

  it("keeps answers typed ahead of their question", async () => {
    const terminal = fakeTerminal();
    await terminal.type("red\rgreen\r");
    await expect(terminal.prompter.ask(colours)).resolves.toBe("red");
    await expect(terminal.prompter.ask(colours)).resolves.toBe("green");
  });

  it("ends on Ctrl+C, and on the end of the input, with the reason", async () => {
    const interrupted = fakeTerminal();
    // The expectation is in place before the keys, which reject the question at once.
    const first = expect(interrupted.prompter.ask(colours)).rejects.toEqual(new PromptEnded("interrupted"));
    await interrupted.type("gr\x03");
    await first;
    const ended = fakeTerminal();
    const second = expect(ended.prompter.ask(colours)).rejects.toMatchObject({ reason: "input ended" });
    await ended.type("\x04");
    await second;
  });
});

/** `npm run new` on a pseudo-terminal: type each answer once its prompt is shown; the transcript and the exit code. */
function newOnTerminal(out: string, answers: [prompt: string, keys: string][]) {
  const child = spawn("script", ["-qfec", `"${process.execPath}" --import tsx src/cli/new.ts --out "${out}"`, "/dev/null"], {
    cwd: projectRoot,
  });
  let transcript = "";
  let next = 0;
  let seen = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    transcript += chunk.toString();
    const clean = stripVTControlCharacters(transcript);
    const answer = answers[next];
    // Each answer waits for its own prompt, past the prompts already answered.
    const at = answer ? clean.indexOf(answer[0], seen) : -1;
    if (answer && at >= 0) {
      seen = at + answer[0].length;
      next += 1;
      child.stdin.write(answer[1]);
    }
  });
  return new Promise<{ status: number | null; transcript: string }>((resolve) =>
    child.on("close", (status) => resolve({ status, transcript: stripVTControlCharacters(transcript).replace(/\r/g, "") })),
  );
}

describe.concurrent("npm run new in a terminal", () => {
  it("asks again instead of giving up, shows the title it suggests, and hints a control of the chosen regulation", async () => {
    const out = temporaryFolder("new-terminal");
    // No guide covers passwords yet, so risk and regulation have no default.
    const { status, transcript } = await newOnTerminal(out, [
      ["action (", "detetc\r"],
      ['did you mean "detect"?', "detect\r"],
      ["platform (", "snowflake\r"],
      ["subject (", "passwords\r"],
      ["risk (", "\r"],
      ["risk: there is no default", "data exposure\r"],
      ["regulation (", "hipaa\r"],
      ['title [Enter for "Find exposed Passwords in Snowflake"]: ', "\r"],
    ]);
    expect(transcript).toContain("risk (data-exfiltration");
    expect(transcript).not.toMatch(/--action|--risk|Usage:/);
    expect(status).toBe(0);
    const text = readFileSync(path.join(out, "detect-passwords-snowflake.md"), "utf8");
    expect(text).toContain("title: Find exposed Passwords in Snowflake\n");
    expect(text).toContain('id: "TODO: the control id, e.g. 164.312(b)"');
  });

  it("leaves quietly on Ctrl+C, with exit code 130", async () => {
    const { status, transcript } = await newOnTerminal(temporaryFolder("new-terminal"), [["action (", "det\x03"]]);
    expect(status).toBe(130);
    expect(transcript).not.toMatch(/AbortError|Error|\bat /);
    expect(transcript.trim()).toBe("action (detect, prevent, fix) [no default]: det");
  });
});
