import type { FrontMatter } from "../../content/front-matter.ts";
import type { Guide, GuideSource } from "../../content/guide.ts";

/** One command block of a guide, where it is written, and its code. */
export interface CommandBlock {
  file: string;
  /** `steps[N].commands[M]`, the field every message about the block names. */
  field: string;
  language: string;
  code: string;
  /** The file line of the code's first line. */
  firstLine: number;
}

/** A guide that validated, as `npm run check` holds it. */
export interface CheckedGuide {
  source: GuideSource;
  guide: Guide;
  frontMatter: FrontMatter;
}

/** `code: |` and the other block scalars start their text on the line after the key. */
const blockScalarKey = /^\s*(?:-\s+)?code:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/** Every command block of the guides, in file and step order. */
export function commandBlocks(guides: readonly CheckedGuide[]): CommandBlock[] {
  return guides.flatMap(({ source, guide, frontMatter }) => {
    const lines = source.text.split("\n");
    return (guide.steps ?? []).flatMap((step, stepIndex) =>
      (step.commands ?? []).map((command, commandIndex) => {
        const keyLine = frontMatter.lineOf(["steps", stepIndex, "commands", commandIndex, "code"]) ?? 1;
        return {
          file: source.displayPath,
          field: `steps[${stepIndex}].commands[${commandIndex}]`,
          language: command.language,
          code: command.code,
          firstLine: blockScalarKey.test(lines[keyLine - 1] ?? "") ? keyLine + 1 : keyLine,
        };
      }),
    );
  });
}
