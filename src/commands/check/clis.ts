import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The CLIs whose calls are parsed by the CLI itself. */
export const checkedClis = ["aws", "gcloud", "az"] as const;
export type CheckedCliName = (typeof checkedClis)[number];

/** How to run a CLI's checker: the CLI's own Python, the checker script, and what that Python needs to find the CLI. */
export interface CliRunner {
  python: string;
  script: string;
  env?: Record<string, string>;
}

interface CliDefinition {
  /** How the summary names the installed CLI before its version. */
  label: string;
  /** The one line printed when the CLI is missing. */
  install: string;
  /** The CLI's Python and checker on this machine; throws when the CLI is not on the PATH. */
  locate: () => CliRunner;
  /** The environment that keeps the CLI offline and away from the reader's own settings, inside a throwaway folder. */
  offline: (folder: string) => Record<string, string>;
}

const pythonFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "python");
/** A closed port on loopback: a call that gets this far parsed, and fails to connect at once. */
const closedEndpoint = "127.0.0.1:9";

export const cliDefinitions: Readonly<Record<CheckedCliName, CliDefinition>> = {
  aws: {
    label: "aws-cli",
    install: "the AWS CLI ships with the node machine image (pip's awscli also works)",
    locate: () => ({ python: pythonOf("aws"), script: path.join(pythonFolder, "check_aws.py") }),
    offline: (folder) => {
      const config = path.join(folder, "aws-config");
      // Version 1 would otherwise fetch an https:// parameter value to use its contents.
      writeFileSync(config, "[default]\ncli_follow_urlparam = false\n");
      return {
        // AWS's documented example key pair: the CLI signs requests with it, and none leaves the machine.
        AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
        AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_ENDPOINT_URL: `http://${closedEndpoint}`,
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: path.join(folder, "aws-credentials"),
        AWS_MAX_ATTEMPTS: "1",
        AWS_RETRY_MODE: "standard",
      };
    },
  },
  gcloud: {
    label: "gcloud",
    install: "install Debian's google-cloud-cli package (the node machine image has it)",
    locate: () => {
      const sdk = path.dirname(path.dirname(realpathSync(onPath("gcloud"))));
      const bundled = path.join(sdk, "platform", "bundledpythonunix", "bin", "python3");
      return {
        python: existsSync(bundled) ? bundled : (process.env.CLOUDSDK_PYTHON ?? "python3"),
        script: path.join(pythonFolder, "check_gcloud.py"),
        env: { CLOUDSDK_ROOT_DIR: sdk, PYTHONPATH: [path.join(sdk, "lib"), path.join(sdk, "lib", "third_party")].join(":") },
      };
    },
    offline: (folder) => ({
      CLOUDSDK_CONFIG: makeFolder(folder, "gcloud"),
      CLOUDSDK_CORE_DISABLE_PROMPTS: "1",
      CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: "true",
      CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: "true",
      CLOUDSDK_CORE_CHECK_GCE_METADATA: "false",
      // Named, so gcloud does not probe the metadata server to find out whether it runs on Compute Engine.
      CLOUDSDK_METRICS_ENVIRONMENT: "dspm-guides-command-check",
      GCE_METADATA_ROOT: closedEndpoint,
      GCE_METADATA_IP: closedEndpoint,
      // Commands that take the project from the configuration parse the same as with --project.
      CLOUDSDK_CORE_PROJECT: "project-id",
    }),
  },
  az: {
    label: "azure-cli",
    install: "apt-get install -y azure-cli",
    locate: () => ({ python: pythonOf("az"), script: path.join(pythonFolder, "check_az.py") }),
    offline: (folder) => ({
      AZURE_CONFIG_DIR: makeFolder(folder, "azure"),
      AZURE_CORE_COLLECT_TELEMETRY: "false",
      AZURE_CORE_NO_COLOR: "true",
      AZURE_CORE_ONLY_SHOW_ERRORS: "true",
      AZURE_CORE_ERROR_RECOMMENDATION: "off",
      AZURE_CORE_SURVEY_MESSAGE: "false",
      AZURE_EXTENSION_USE_DYNAMIC_INSTALL: "no",
    }),
  },
};

/**
 * The environment a checker runs in: the parent's, less every setting of these CLIs (a developer's
 * AWS_PROFILE or CLOUDSDK_CONFIG would change what parses), with HOME and the proxies moved to
 * places that hold nothing.
 */
export function checkerEnvironment(cli: CheckedCliName, folder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(?:AWS_|CLOUDSDK_|AZURE_|GOOGLE_|GCE_|BOTO_|HTTPS?_PROXY$|https?_proxy$|NO_PROXY$|no_proxy$)/.test(name),
  );
  const proxy = `http://${closedEndpoint}`;
  return {
    ...Object.fromEntries(inherited),
    HOME: makeFolder(folder, "home"),
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    // The closed endpoint is reached directly, so a call that parsed fails to connect rather than to find a proxy.
    NO_PROXY: "127.0.0.1,localhost",
    PYTHONDONTWRITEBYTECODE: "1",
    // python/network_guard.py ends a call that connects here: it parsed.
    COMMAND_CHECK_CLOSED_ENDPOINT: closedEndpoint,
    // python/file_guard.py refuses a write anywhere else; temporary files go there too.
    COMMAND_CHECK_WRITABLE: folder,
    TMPDIR: makeFolder(folder, "tmp"),
    ...cliDefinitions[cli].offline(folder),
    ...extra,
  };
}

/** The full path of a program on the PATH; throws when there is none. */
export function onPath(program: string): string {
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(folder || ".", program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  throw new Error(`${program} is not on the PATH`);
}

/**
 * The Python a CLI's launcher runs: its #! line, or the interpreter its wrapper script names. A
 * launcher that names none (a pyenv shim) runs the python3 on the PATH.
 */
function pythonOf(program: string): string {
  const launcher = readFileSync(realpathSync(onPath(program)), "utf8").slice(0, 4096);
  const shebang = /^#!\s*(\S*python[\d.]*)\b/.exec(launcher)?.[1];
  const named = /(\/\S*\/python[\d.]*)\b/.exec(launcher)?.[1];
  return shebang ?? named ?? "python3";
}

function makeFolder(parent: string, name: string): string {
  const folder = path.join(parent, name);
  mkdirSync(folder, { recursive: true });
  return folder;
}
