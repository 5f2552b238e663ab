import { parse as parseYaml } from "yaml";

/**
 * The language of a migrated command, for its highlighting and its label. Legacy guides rarely said, and
 * every block defaulted to bash, so a SQL statement or a PowerShell cmdlet was highlighted as shell.
 * What the legacy HTML states (a class, a data attribute, a label) wins; otherwise the command is read.
 */

/** The languages migrated commands are written in; each is a name or an alias highlight.js knows. */
export type CommandLanguageName = "bash" | "sql" | "powershell" | "json" | "yaml" | "python" | "hcl";

export type LanguageSource = "attribute" | "class" | "label" | "command";

/** Where the language came from, as the migration report says it. */
export const languageSources: Record<LanguageSource, string> = {
  attribute: "from its data-language attribute",
  class: "from the class",
  label: "from its label",
  command: "read from the command",
};

/** What the legacy HTML says about a block, in the words it uses. */
export interface LanguageHints {
  /** Values of `data-language` or `data-lang`. */
  attributes?: string[];
  /** Class names of the block and the elements around its code, e.g. `language-sql` or `code-block`. */
  classes?: string[];
  /** Texts of label elements, e.g. "SQL" or "Azure PowerShell". */
  labels?: string[];
}

export interface CommandLanguage {
  name: CommandLanguageName;
  source: LanguageSource;
  /** Explicit hints that name no language migrated commands are written in, so the command was read instead. */
  ignored: string[];
}

/** Names the legacy HTML may use for a language, lower-case. */
const languageNames: Record<string, CommandLanguageName> = {
  bash: "bash",
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  console: "bash",
  terminal: "bash",
  cli: "bash",
  sql: "sql",
  tsql: "sql",
  "t-sql": "sql",
  plsql: "sql",
  sparksql: "sql",
  powershell: "powershell",
  pwsh: "powershell",
  ps1: "powershell",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  python: "python",
  python3: "python",
  py: "python",
  pyspark: "python",
  hcl: "hcl",
  terraform: "hcl",
  tf: "hcl",
};

/**
 * Words a label may carry besides the language ("Azure CLI", "Snowflake SQL", "Example (PowerShell)").
 * Any other word makes the text prose, not a label: "Using the Azure CLI:" introduces a block, it does not name one.
 */
const labelQualifiers = new Set([
  "aws",
  "azure",
  "gcp",
  "google",
  "cloud",
  "microsoft",
  "snowflake",
  "databricks",
  "spark",
  "example",
  "sample",
  "snippet",
  "code",
  "script",
  "command",
]);

/** The language a label names, e.g. "PowerShell" or "Terraform:"; undefined when the text is not such a label. */
export function languageOfLabel(text: string): CommandLanguageName | undefined {
  const words = text.toLowerCase().match(/[a-z0-9+#-]+/g) ?? [];
  const named = new Set(words.flatMap((word) => (languageNames[word] ? [languageNames[word]] : [])));
  const onlyLabelWords = words.every((word) => languageNames[word] !== undefined || labelQualifiers.has(word));
  return onlyLabelWords && named.size === 1 ? [...named][0] : undefined;
}

/** The language of a command: the first hint that names one (attribute, class, label), else the command's own form. */
export function commandLanguage(code: string, hints: LanguageHints = {}): CommandLanguage {
  const ignored: string[] = [];
  const explicit: [LanguageSource, string[], (hint: string) => CommandLanguageName | undefined][] = [
    ["attribute", hints.attributes ?? [], (value) => languageNames[value.trim().toLowerCase()]],
    [
      "class",
      (hints.classes ?? []).flatMap((name) => /^(?:language|lang)-(.+)$/i.exec(name)?.[1] ?? []),
      (name) => languageNames[name.toLowerCase()],
    ],
    ["label", hints.labels ?? [], languageOfLabel],
  ];
  for (const [source, values, resolve] of explicit) {
    for (const value of values) {
      const name = resolve(value);
      if (name) return { name, source, ignored };
      ignored.push(value);
    }
  }
  return { name: sniffLanguage(code), source: "command", ignored };
}

/** Programs whose command lines are shell even when they carry SQL, JSON or YAML as arguments. */
const shellPrograms = new Set([
  "aws",
  "az",
  "gcloud",
  "gsutil",
  "bq",
  "databricks",
  "snowsql",
  "snow",
  "kubectl",
  "helm",
  "docker",
  "git",
  "gh",
  "curl",
  "wget",
  "terraform",
  "tofu",
  "jq",
  "yq",
  "grep",
  "rg",
  "find",
  "cat",
  "ls",
  "cd",
  "echo",
  "printf",
  "export",
  "sudo",
  "chmod",
  "mkdir",
  "rm",
  "cp",
  "mv",
  "tar",
  "openssl",
  "ssh",
  "pip",
  "pip3",
  "npm",
  "npx",
  "brew",
  "apt",
  "apt-get",
  "psql",
  "mysql",
  "sqlcmd",
  "gitleaks",
  "trufflehog",
  "detect-secrets",
  "python",
  "python3",
  "source",
  "sed",
  "awk",
  "xargs",
  "vault",
]);

/** PowerShell's approved verbs that cmdlets in guides start with (Get-AzKeyVault, Remove-AzKeyVaultSecret). */
const powershellVerbs = [
  "Add",
  "Clear",
  "Connect",
  "ConvertFrom",
  "ConvertTo",
  "Copy",
  "Disable",
  "Disconnect",
  "Enable",
  "Export",
  "Find",
  "ForEach",
  "Format",
  "Get",
  "Grant",
  "Import",
  "Install",
  "Invoke",
  "Move",
  "New",
  "Out",
  "Register",
  "Remove",
  "Rename",
  "Reset",
  "Restore",
  "Revoke",
  "Select",
  "Set",
  "Start",
  "Stop",
  "Test",
  "Undo",
  "Unregister",
  "Update",
  "Where",
  "Write",
];
const cmdletAtLineStart = new RegExp(`^(?:${powershellVerbs.join("|")})-[A-Z][A-Za-z0-9]+\\b`);
/** A cmdlet whose verb is not listed above still reads as one when it takes -PascalCase parameters. */
const cmdletWithParameters = /^[A-Z][a-z]+-[A-Z]\w*\s.*(?:^|\s)-[A-Z][a-z]\w*/;
const powershellAssignment = /^\$[\w:]+\s*=/;
const powershellPrompt = /^PS [A-Za-z]:\\[^>]*>/;

/** Snowflake's stage commands share their names with shell commands; the stage (@name) tells them apart. */
const stageCommand = /^(?:list|ls|get|put|remove|rm)\s+(?:'?@|file:\/\/)/i;
const sqlStatement =
  /^(?:(?:select|show|create|alter|grant|revoke|describe|desc|use|insert\s+into|update\s+\S+\s+set|delete\s+from|merge\s+into|drop|undrop|truncate|with\s+\w+\s+as|call|explain|copy\s+into|comment\s+on|optimize|vacuum|msck|refresh|analyze|execute|begin|commit|rollback)(?=[\s;(]|$)|(?:un)?set\s+\w+\s*=)/i;
const hclBlock = /^\s*(?:(?:resource|data)\s+"[^"]+"\s+"[^"]+"|(?:provider|module|variable|output)\s+"[^"]+"|terraform|locals)\s*\{/m;
const pythonStatement =
  /^(?:import\s+[\w.]+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+[(:]|print\(|if\s+__name__\b|(?:dbutils|spark)\.)/;
const mappingLine = /^\s*(?:-\s+)?[\w.-]+:(?:\s|$)/;

/** Reads the language off a command's form; bash when nothing else fits, since most guide commands are CLI calls. */
export function sniffLanguage(code: string): CommandLanguageName {
  const statements = code
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("//"));
  const first = statements[0] ?? "";
  if (code.trimStart().startsWith("#!")) return "bash";
  if (isJsonDocument(code)) return "json";
  if (hclBlock.test(code)) return "hcl";
  if (first.startsWith("--") || first.startsWith("/*") || stageCommand.test(first)) return "sql";
  if (
    powershellPrompt.test(first) ||
    statements.some((line) => [cmdletAtLineStart, cmdletWithParameters, powershellAssignment].some((pattern) => pattern.test(line)))
  ) {
    return "powershell";
  }
  const program = /^(?:sudo\s+)?([\w.-]+)(?=\s|$)/.exec(first)?.[1]?.toLowerCase();
  if (first.startsWith("$ ") || /^[A-Za-z_]\w*=/.test(first) || (program && shellPrograms.has(program))) return "bash";
  if (sqlStatement.test(first)) return "sql";
  if (statements.some((line) => pythonStatement.test(line))) return "python";
  if (isYamlMapping(code, statements)) return "yaml";
  return "bash";
}

function isJsonDocument(code: string): boolean {
  const trimmed = code.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  // A placeholder stands where a value goes: {"count": <n>} is JSON with a blank to fill.
  for (const candidate of [trimmed, trimmed.replace(/<[\w .-]+>/g, "0")]) {
    try {
      const value: unknown = JSON.parse(candidate);
      return typeof value === "object" && value !== null;
    } catch {
      continue;
    }
  }
  return false;
}

function isYamlMapping(code: string, statements: string[]): boolean {
  if (!statements.some((line) => mappingLine.test(line))) return false;
  try {
    const value: unknown = parseYaml(code);
    return typeof value === "object" && value !== null;
  } catch {
    return false;
  }
}
