import { placeholderOccurrences } from "../placeholders.ts";

/** A script with its placeholders replaced, and the values that stand in for them. */
export interface NeutralScript {
  script: string;
  standIns: string[];
}

/**
 * Values of the kind a CLI checks, chosen by the last words of a placeholder's or variable's name: a
 * CLI that wants an e-mail address, a number or a resource ID refuses a bare word, and stops parsing
 * the rest of the call there. The first pattern that matches wins; other names stand as themselves.
 */
const typedValues: [RegExp, (name: string) => string][] = [
  [/e-?mail$/, (name) => `${name}@example.com`],
  [/(?:^|-)access-key-id$/, () => "AKIAIOSFODNN7EXAMPLE"],
  [/(?:^|-)(?:subscription|tenant|client|object|principal|app|application|customer)-id$/, () => "00000000-0000-0000-0000-000000000000"],
  [
    /resource-id$/,
    (name) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resource-group/providers/Microsoft.Example/examples/${name}`,
  ],
  // AWS checks an ARN's length before anything else (a role's at least 20 characters, an export's 37).
  [/(?:^|-)arn$/, (name) => `arn:aws:iam::123456789012:role/${name}`],
  [/(?:^|-)(?:org|organization|account|folder|billing-account)-id$|(?:^|-)project-number$/, () => "123456789012"],
  [/(?:^|-)(?:date|yyyy-mm-dd)$/, () => "2025-01-01"],
  [/(?:^|-)(?:utc|time|timestamp|datetime)$/, () => "2025-01-01T00:00:00Z"],
  [/(?:^|-)(?:days|hours|minutes|seconds|count|number|port|size|limit|n)$/, () => "1"],
];

/** The value that stands in for a placeholder or a shell variable of this name (lower-case words and hyphens). */
export function neutralValue(name: string): string {
  const typed = typedValues.find(([pattern]) => pattern.test(name));
  return typed ? typed[1](name) : name;
}

/**
 * The code with each placeholder replaced by a value of its kind: `<bucket-name>` becomes `bucket-name`,
 * `<sa-email>` an address. A shell reads `<region>` as a redirect, so the code must lose its brackets
 * before it is parsed; the values hold no space or quote, so lines keep their numbers.
 */
export function withNeutralValues(code: string): NeutralScript {
  let script = "";
  let copied = 0;
  const standIns = new Set<string>();
  for (const { name, start, end } of placeholderOccurrences(code)) {
    const value = neutralValue(name);
    standIns.add(value);
    script += code.slice(copied, start) + value;
    copied = end;
  }
  return { script: script + code.slice(copied), standIns: [...standIns] };
}
