// Questions asked in a terminal that forgive: each shows its default or says it has none, Enter without
// a default and a wrong answer ask again in the question's own words, and nothing typed so far is lost.
import { createInterface } from "node:readline";

/** Ctrl+C (interrupted) or the end of the input (Ctrl+D) before every question was answered. */
export class PromptEnded extends Error {
  constructor(readonly reason: "interrupted" | "input ended") {
    super(reason);
  }
}

export interface Question<T> {
  /** What is asked for, as the prompt names it: "platform". */
  name: string;
  /** The answers to list in the prompt, when there is a short list. */
  choices?: readonly string[];
  /** What Enter gives, and how the prompt shows it; without one, Enter asks again. */
  fallback?: { value: T; shown: string };
  /** The answer's meaning, or what is wrong with it, said as the prompt would. */
  read: (answer: string) => { value: T } | { problem: string };
}

export interface Prompter {
  ask<T>(question: Question<T>): Promise<T>;
  close(): void;
}

/** Asks questions on `input` and `output` (the terminal, or streams in tests). */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const lines = createInterface({ input, output });
  // Lines typed ahead of their question (or piped in at once) wait here rather than being dropped.
  const typedAhead: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (ended: PromptEnded) => void } | undefined;
  let ended: PromptEnded | undefined;

  const end = (reason: PromptEnded["reason"]) => {
    ended ??= new PromptEnded(reason);
    waiting?.reject(ended);
    waiting = undefined;
  };
  lines.on("line", (line) => {
    if (waiting) waiting.resolve(line);
    else typedAhead.push(line);
    waiting = undefined;
  });
  // In a terminal, Ctrl+C reaches readline as a key, not as a signal: without this it would only pause.
  lines.on("SIGINT", () => end("interrupted"));
  lines.on("close", () => end("input ended"));

  const nextLine = (prompt: string) => {
    lines.setPrompt(prompt);
    lines.prompt();
    const line = typedAhead.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (ended) return Promise.reject(ended);
    return new Promise<string>((resolve, reject) => (waiting = { resolve, reject }));
  };
  const say = (message: string) => output.write(`${message}\n`);

  return {
    async ask<T>({ name, choices, fallback, read }: Question<T>): Promise<T> {
      const listed = choices ? ` (${choices.join(", ")})` : "";
      const enter = fallback ? `Enter for ${fallback.shown}` : "no default";
      for (;;) {
        const answer = (await nextLine(`${name}${listed} [${enter}]: `)).trim();
        if (answer === "") {
          if (fallback) return fallback.value;
          say(`${name}: there is no default, so type one`);
          continue;
        }
        const reading = read(answer);
        if ("value" in reading) return reading.value;
        say(reading.problem);
      }
    },
    close: () => lines.close(),
  };
}
