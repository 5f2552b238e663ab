import type { Guide } from "../../src/content/guide.ts";

/** Where a piece of prose sits: the guide's file and the field, as `npm run check` names fields. */
export interface ProseOwner {
  file: string;
  field: string;
  /** Two summaries of the same control (`PCI-DSS 3.4.1`) state the same requirement, so they may agree. */
  control?: string;
}

export interface SharedRun {
  words: string;
  first: ProseOwner;
  second: ProseOwner;
}

/**
 * The prose of a structured guide, field by field: everything a reader reads as sentences. Commands,
 * references, tags and names are left out, because two guides may rightly run the same command or cite
 * the same page.
 */
export function proseOf(guide: Guide): [ProseOwner, string][] {
  const file = guide.displayPath;
  const prose: [ProseOwner, string][] = [];
  const add = (field: string, text: string | undefined, control?: string) => {
    if (text) prose.push([{ file, field, ...(control ? { control } : {}) }, text]);
  };
  add("title", guide.title);
  add("description", guide.description);
  add("meta_title", guide.meta_title);
  add("primary_risk", guide.primary_risk);
  add("body", guide.body);
  for (const [card, items] of Object.entries(guide.prerequisites ?? {})) {
    items.forEach((item, index) => add(`prerequisites.${card}[${index}]`, item));
  }
  guide.steps?.forEach((step, index) => {
    add(`steps[${index}].title`, step.title);
    add(`steps[${index}].body`, step.body);
    step.commands?.forEach((command, commandIndex) => {
      add(`steps[${index}].commands[${commandIndex}].note`, command.note);
      add(`steps[${index}].commands[${commandIndex}].warning`, command.warning);
    });
  });
  guide.architecture?.components.forEach((component, index) => add(`architecture.components[${index}].role`, component.role));
  guide.architecture?.flow.forEach((stage, index) => add(`architecture.flow[${index}]`, stage));
  guide.best_practices?.forEach((group, index) => {
    add(`best_practices[${index}].title`, group.title);
    group.items.forEach((item, itemIndex) => add(`best_practices[${index}].items[${itemIndex}]`, item));
  });
  guide.controls?.forEach((control, index) =>
    add(`controls[${index}].summary`, control.summary, `${control.framework.label} ${control.id}`),
  );
  return prose;
}

/**
 * The stretches of a text's prose, as words: case and punctuation ignored, link targets dropped, and
 * inline code left out, since a command or a name in backticks is no more prose in a sentence than in a block.
 */
function stretchesOf(text: string): string[][] {
  return text
    .replace(/\]\([^)]*\)/g, "]")
    .split(/`[^`]*`/)
    .map((stretch) => stretch.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * Every run of at least `length` words that the prose of two different guides shares, each reported
 * once, at its longest, where it first occurs in the second guide.
 */
export function sharedProseRuns(guides: readonly Guide[], length = 12): SharedRun[] {
  const seen = new Map<string, ProseOwner[]>();
  const runs: SharedRun[] = [];
  for (const guide of guides) {
    const mine: [string, ProseOwner][] = [];
    for (const [owner, words] of proseOf(guide).flatMap(([owner, text]) => stretchesOf(text).map((words) => [owner, words] as const))) {
      let run: { start: number; end: number; first: ProseOwner } | undefined;
      const close = () => {
        if (run) runs.push({ words: words.slice(run.start, run.end).join(" "), first: run.first, second: owner });
        run = undefined;
      };
      for (let start = 0; start + length <= words.length; start++) {
        const shingle = words.slice(start, start + length).join(" ");
        mine.push([shingle, owner]);
        const first = seen.get(shingle)?.find((other) => other.file !== owner.file && !(other.control && other.control === owner.control));
        if (!first) {
          close();
          continue;
        }
        if (run?.first.file === first.file) run.end = start + length;
        else {
          close();
          run = { start, end: start + length, first };
        }
      }
      close();
    }
    for (const [shingle, owner] of mine) {
      const owners = seen.get(shingle);
      if (owners) owners.push(owner);
      else seen.set(shingle, [owner]);
    }
  }
  return runs;
}
