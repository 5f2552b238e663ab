/** Whether a CLI's message names the word whole: `--metric` in "unrecognized arguments: --metric x", not in "--metrics". */
export function mentions(message: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w-])${escaped}(?:[^\\w-]|$)`).test(message);
}
