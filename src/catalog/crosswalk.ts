import type { Guide } from "../content/guide.ts";
import type { Term } from "../taxonomy/registry.ts";

/** One control of a framework, with what guides say it asks for and the guides that support it. */
export interface ControlEntry {
  id: string;
  /** The id of its entry on the regulation's page, so a link can name one control. */
  anchor: string;
  /** What it asks for, in the words of the first guide, in reading order, that maps it. */
  summary: string;
  /** The first guides that map it, in reading order: a control mapped by hundreds of guides lists a few. */
  guides: { title: string; url: string }[];
  /** How many guides map it in all. */
  count: number;
}

/**
 * An article, section or requirement of a framework with the parts of it that guides map (GDPR Art. 33
 * holding 33(1) and 33(5)), so a reader who looks up the whole finds every part.
 */
export interface ControlGroup {
  /** The whole, as the first of its controls writes it: "Art. 33", "3.5", "164.312". */
  id: string;
  /** The id of the group's entry on the regulation's page. */
  anchor: string;
  /** The whole itself, when a guide maps it as such. */
  control?: ControlEntry;
  /** The parts that guides map, in control order. */
  parts: ControlEntry[];
}

/** At most this many guides are linked under one control; the rest are counted. */
export const guidesPerControl = 10;

const controlOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

const byControlOrder = (a: { id: string; anchor: string }, b: { id: string; anchor: string }) =>
  controlOrder.compare(a.id, b.id) || (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0);

/**
 * The id of a control's entry on its regulation's page. IDs written differently only in case or
 * punctuation ("8.6.2", "8-6-2", "cc6.1", "CC6.1") name the same control and share one entry.
 */
export function controlAnchor(id: string): string {
  return `control-${id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}`;
}

/**
 * The whole a control is part of, in two levels whatever the depth, one rule per way standards number:
 * - a parenthesised part belongs to what comes before its first parenthesis: Art. 33(5) and Art. 33(1)(a)
 *   to Art. 33, 164.312(a)(2)(iv) to 164.312, 17a-4(f)(2)(i) to 17a-4, IA-5(7) to IA-5;
 * - a dotted number deeper than two levels belongs to its first two: PCI DSS 3.5.1 and 3.5.1.1 to 3.5,
 *   10.2.1.1 to 10.2, where the standard states the requirement its sub-requirements detail.
 * Anything else is a whole of its own: 8.31, CC6.1, Art. 30, 164.402.
 */
export function controlGroupId(id: string): string {
  const beforeParts = id.replace(/\s*\(.*$/, "");
  return beforeParts.replace(/^(.*?(?<!\d)\d+\.\d+)(?:\.\d+)+$/, "$1");
}

/**
 * The crosswalk of one framework: every control of it that a guide with a page maps (whether or not
 * the guide lists the framework as a regulation), ordered by ID the way the standards number them
 * (8.6.2 before 10.1, IA-5 before IA-5(7)), with the guides that support each.
 */
export function controlsOf(listed: Guide[], framework: Term): ControlEntry[] {
  const byAnchor = new Map<string, ControlEntry>();
  for (const guide of listed) {
    if (guide.status === "coming-soon") continue;
    // A guide that maps one control twice supports it once.
    const counted = new Set<string>();
    for (const control of guide.controls ?? []) {
      if (control.framework !== framework) continue;
      const anchor = controlAnchor(control.id);
      let entry = byAnchor.get(anchor);
      if (!entry) {
        entry = { id: control.id, anchor, summary: control.summary, guides: [], count: 0 };
        byAnchor.set(anchor, entry);
      }
      if (counted.has(anchor)) continue;
      counted.add(anchor);
      entry.count += 1;
      if (entry.guides.length < guidesPerControl) entry.guides.push({ title: guide.title, url: guide.url });
    }
  }
  return [...byAnchor.values()].sort(byControlOrder);
}

/**
 * Controls gathered under the wholes they are part of (controlGroupId), parts and wholes each in
 * control order (Art. 5 before Art. 17, 3.5 before 3.10). A group's anchor is its whole's, so
 * it never changes with the parts guides map, and a part keeps the anchor it had on its own.
 */
export function controlGroupsOf(controls: ControlEntry[]): ControlGroup[] {
  const byAnchor = new Map<string, ControlGroup>();
  for (const control of controls) {
    const id = controlGroupId(control.id);
    const anchor = controlAnchor(id);
    let group = byAnchor.get(anchor);
    if (!group) {
      group = { id, anchor, parts: [] };
      byAnchor.set(anchor, group);
    }
    if (control.anchor === anchor) {
      group.control = control;
      group.id = control.id;
    } else group.parts.push(control);
  }
  const groups = [...byAnchor.values()].sort(byControlOrder);
  for (const group of groups) group.parts.sort(byControlOrder);
  return groups;
}
