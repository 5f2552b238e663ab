import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";
import { neutralValue } from "./neutral-values.ts";

/** One simple command of a shell script: the program it runs and its arguments as the program receives them. */
export interface ShellCall {
  program: string;
  args: string[];
  /** Its first line within the script, 1-based. */
  line: number;
  /** The line of each argument, which a continued call spreads over several. */
  argLines: number[];
  /** The values that stand in for its `$variables` and `$( )` substitutions, which have none until the script runs. */
  standIns: string[];
}

/** What a substitution stands as: its output is unknown until the script runs. */
const substitutedValue = "substituted-value";

let parser: Promise<Parser> | undefined;

/** tree-sitter's bash grammar, loaded once: the same parser editors use, compiled to WebAssembly. */
function bashParser(): Promise<Parser> {
  parser ??= Parser.init()
    .then(() => Language.load(createRequire(import.meta.url).resolve("tree-sitter-bash/tree-sitter-bash.wasm")))
    .then((bash) => new Parser().setLanguage(bash));
  return parser;
}

/**
 * Every simple command in a script that bash accepts, wherever it is: in a pipe, after `&&` or `;`,
 * in a loop, inside `$( )`. Arguments lose their quotes and escapes as the shell removes them; a
 * `$variable` stands as a value of the kind its name says (see neutral-values.ts) and a substitution
 * as "substituted-value", so each call can be handed to its CLI.
 */
export async function shellCalls(script: string): Promise<ShellCall[]> {
  const tree = (await bashParser()).parse(script);
  if (!tree) throw new Error("tree-sitter returned no tree for a script bash accepts");
  try {
    return tree.rootNode.descendantsOfType("command").flatMap((command) => {
      const name = command.childForFieldName("name");
      if (!name) return [];
      const standIns: string[] = [];
      const args = command.childrenForFieldName("argument");
      return [
        {
          program: wordValue(name, standIns),
          args: args.map((argument) => wordValue(argument, standIns)),
          line: command.startPosition.row + 1,
          argLines: args.map((argument) => argument.startPosition.row + 1),
          standIns,
        },
      ];
    });
  } finally {
    tree.delete();
  }
}

/** The text a word of the script becomes once the shell has removed quotes and escapes; stand-ins are added to the list. */
function wordValue(node: Node, standIns: string[]): string {
  switch (node.type) {
    case "command_name":
    case "concatenation":
      return node.namedChildren.map((child) => (child ? wordValue(child, standIns) : "")).join("");
    case "raw_string":
      return node.text.slice(1, -1);
    case "ansi_c_string":
      return node.text.slice(2, -1).replace(/\\(.)/gs, (_, character: string) => ansiEscapes[character] ?? character);
    case "string":
    case "translated_string":
      return doubleQuotedValue(node, standIns);
    case "simple_expansion":
    case "expansion":
    case "command_substitution":
    case "process_substitution":
    case "arithmetic_expansion": {
      const standIn = expansionValue(node);
      standIns.push(standIn);
      return standIn;
    }
    default:
      // word, number and the other literal kinds: a backslash keeps the next character and a
      // backslash before a line end joins the lines.
      return node.text.replace(/\\\n/g, "").replace(/\\(.)/gs, "$1");
  }
}

const ansiEscapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "'": "'", '"': '"', "\\": "\\" };

/** Inside double quotes, a backslash escapes only $, `, ", \ and the line end; expansions are replaced. */
function doubleQuotedValue(node: Node, standIns: string[]): string {
  const open = node.text.indexOf('"') + 1;
  let value = "";
  let at = node.startIndex + open;
  const literal = (end: number) =>
    node.text
      .slice(at - node.startIndex, end - node.startIndex)
      .replace(/\\\n/g, "")
      .replace(/\\([$`"\\])/g, "$1");
  for (const child of node.namedChildren) {
    if (!child || child.type === "string_content") continue;
    value += literal(child.startIndex) + wordValue(child, standIns);
    at = child.endIndex;
  }
  return value + literal(node.endIndex - 1);
}

/** `$account_id` and `${account_id}` stand as a value of the kind their name says; anything else as a substitution. */
function expansionValue(node: Node): string {
  const isVariable = node.type === "simple_expansion" || node.type === "expansion";
  const name = isVariable ? node.descendantsOfType("variable_name")[0]?.text : undefined;
  return name ? neutralValue(name.toLowerCase().replace(/_/g, "-")) : substitutedValue;
}
