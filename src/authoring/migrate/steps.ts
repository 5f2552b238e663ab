import type { HTMLElement } from "node-html-parser";
import type { Command, Step } from "../../content/schema.ts";
import { commandBlockOf, isCodeBlock, isLanguageLabel, type CommandBlock } from "./command-block.ts";
import { commandLanguage, languageSources } from "./command-language.ts";
import { guessCommandEffect } from "./command-effect.ts";
import { attempt, contentElements, isStyleWrapper, keep, plainText, type MappingContext } from "./dom.ts";
import { blockMarkdown } from "./html-to-markdown.ts";
import { quote } from "./report.ts";
import { plural } from "../../text/plural.ts";

/**
 * The legacy steps: a title, prose and at most one command each, written as a one-block `commands:` list,
 * the block with a guessed effect and language.
 */

export function migrateSteps(children: HTMLElement[], ctx: MappingContext): Step[] | undefined {
  const steps: Step[] = [];
  let numbers = 0;
  for (const child of children) {
    if (!child.classList.contains("step")) {
      keep(ctx, child, "between the steps, not in one");
      continue;
    }
    const step = attempt(ctx, (sub) => migrateStep(child, steps.length, sub));
    if (step) {
      steps.push(step);
      if (child.querySelector(".step-number")) numbers++;
    } else keep(ctx, child, "a step without a title or without prose");
  }
  if (steps.length === 0) return undefined;
  if (numbers > 0) ctx.report.push({ kind: "computed", message: `${plural(numbers, "step number")} (the steps are an ordered list)` });
  const commands = steps.filter((step) => step.commands).length;
  ctx.report.push({
    kind: "mapped",
    message: `${plural(steps.length, "step")} → steps, ${plural(commands, "with a command", "with commands")}`,
  });
  return steps;
}

function migrateStep(element: HTMLElement, index: number, ctx: MappingContext): Step | undefined {
  let title: string | undefined;
  let command: Command | undefined;
  const body: string[] = [];
  const children = contentElements(element, ctx, isStyleWrapper);
  let label: HTMLElement | undefined;
  for (const [position, child] of children.entries()) {
    if (child.classList.contains("step-number")) continue;
    const block = command === undefined ? commandBlockOf(child, label) : undefined;
    if (title === undefined && (child.classList.contains("step-title") || /^h[3-6]$/.test(child.localName))) {
      title = plainText(child, ctx, "a step title");
    } else if (block) {
      command = migrateCommand(block, `steps[${index}].commands[0]`, ctx);
    } else if (command === undefined && isLanguageLabel(child) && commandBlockOf(children[position + 1])) {
      label = child;
    } else {
      const markdown = isCodeBlock(child) ? undefined : blockMarkdown(child);
      if (markdown === undefined) keep(ctx, child, `in step ${index + 1}, not prose a step body can hold`);
      else body.push(markdown);
    }
  }
  if (!title || body.length === 0) return undefined;
  return { title, body: body.join("\n\n"), ...(command ? { commands: [command] } : {}) };
}

function migrateCommand(block: CommandBlock, field: string, ctx: MappingContext): Command {
  const { code } = block;
  const language = commandLanguage(code, block.hints);
  const { effect, because } = guessCommandEffect(code);
  const reason = because ? `from ${quote(because)}` : "no verb it knows";
  const ignored = language.ignored.length > 0 ? `; ${language.ignored.map(quote).join(", ")} names no language it knows` : "";
  ctx.report.push({
    kind: "guessed",
    message: `${field}: effect ${effect} (${reason}), language ${language.name} (${languageSources[language.source]}${ignored}): ${quote(code)}`,
    guesses: language.source === "command" ? ["command effect", "command language"] : ["command effect"],
  });
  for (const label of block.hints.labels) {
    ctx.report.push({ kind: "computed", message: `label ${quote(label)} of ${field} (the layout labels each command with its language)` });
  }
  return {
    code,
    language: language.name,
    effect,
    ...(effect === "destructive"
      ? {
          warning: `Migrated from a legacy guide and judged destructive because it uses "${because}": review what it removes or replaces, and whether that can be undone, before running it.`,
        }
      : {}),
  };
}
