import { plural } from "../../text/plural.ts";

/** Counts by name, told largest first: "sql 18, powershell 2". */
class Counts {
  private readonly counts = new Map<string, number>();
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  get total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
  entries(): [string, number][] {
    return [...this.counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  }
  /** The largest counts, "…" standing for the rest. */
  toString(shown = 8): string {
    const entries = this.entries();
    const listed = entries.slice(0, shown).map(([name, count]) => `${name} ${count}`);
    return [...listed, ...(entries.length > shown ? ["…"] : [])].join(", ");
  }
}

/** What a run of the command check covered, for its closing summary. */
export class Tally {
  readonly blocks = { checkedByCli: 0, syntaxOnly: 0, notCheckable: new Counts(), failed: 0 };
  readonly calls = { checkedBy: new Counts(), syntaxOnly: new Counts(), notCheckable: new Counts(), failed: 0 };

  /** Two lines: blocks, then the calls in shell blocks. */
  summary(): string {
    const { blocks, calls } = this;
    const blockTotal = blocks.checkedByCli + blocks.syntaxOnly + blocks.notCheckable.total;
    const callTotal = calls.checkedBy.total + calls.syntaxOnly.total + calls.notCheckable.total;
    const byCli = calls.checkedBy.entries().map(([cli, count]) => `${count} by ${cli}`);
    return [
      `Commands: ${plural(blockTotal, "block")}: ${blocks.checkedByCli} checked by a CLI, ${blocks.syntaxOnly} syntax only, ` +
        `${blocks.notCheckable.total} not checkable${parenthesised(blocks.notCheckable)}, ${blocks.failed} failed.`,
      `Calls in shell blocks: ${callTotal}: ${byCli.length > 0 ? byCli.join(", ") : "none checked by a CLI"}, ` +
        `${calls.syntaxOnly.total} syntax only (bash -n${calls.syntaxOnly.total > 0 ? `: ${calls.syntaxOnly.toString()}` : ""}), ` +
        // Every reason a call was not checked is listed: each is something to fix or to know.
        `${calls.notCheckable.total} not checkable${parenthesised(calls.notCheckable, Infinity)}, ${calls.failed} failed.`,
    ].join("\n");
  }
}

function parenthesised(counts: Counts, shown?: number): string {
  return counts.total > 0 ? ` (${counts.toString(shown)})` : "";
}
