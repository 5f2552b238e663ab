"""Checks az calls with the installed Azure CLI, offline; speaks serve.py's protocol.

az parses a call, then looks for a signed-in account; a throwaway config folder has none, so it stops
there, before any request: that stop is the sign the call parsed.
"""

import datetime
import json
import os

import serve

# The refusals that come after parsing and before any request: no account, and so no subscription.
PARSED = ("Please run 'az login' to setup account.", "doesn't exist in cloud")
# az's answer when a command module of its own fails to import: Debian's package lacks some SDKs.
CRASHED = "The command failed with an unexpected error"


def read_version():
    from azure.cli.core import __version__

    return __version__


def load_checker():
    serve.refuse_abbreviations()
    from azure.cli.core import get_default_cli

    skip_version_check(read_version())

    def check(args):
        result, output = serve.run_captured(lambda: get_default_cli().invoke(args))
        parsed = serve.how_it_parsed(result, output, PARSED)
        if parsed:
            return "parsed", parsed
        if isinstance(result, Exception):
            return "unchecked", f"the installed az failed: {result}"
        if CRASHED in output:
            return "unchecked", f"the installed az cannot load this command: {crash_reason(output)}"
        message = cli_message(output)
        return "rejected", "; ".join([message, *serve.abbreviation_hints(message)])

    return check


def skip_version_check(version):
    """Records the installed version as the newest, so az never asks the network whether it is."""
    record = {
        "versions": {"core": {"local": version, "pypi": version}, "telemetry": {"local": "", "pypi": ""}},
        "update_time": datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f"),
    }
    with open(os.path.join(os.environ["AZURE_CONFIG_DIR"], "versionCheck.json"), "w", encoding="utf-8") as file:
        json.dump(record, file)


def crash_reason(output):
    errors = [line[len("ERROR: ") :] for line in output.splitlines() if line.startswith("ERROR: ")]
    return errors[-1] if errors else CRASHED


def cli_message(output):
    """az's ERROR paragraph on one line, without the links and examples after it."""
    start = output.find("ERROR: ")
    if start == -1:
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        return lines[-1] if lines else "refused the call without saying why"
    paragraph = output[start + len("ERROR: ") :].split("\n\n")[0]
    return " ".join(paragraph.split())


if __name__ == "__main__":
    serve.serve(read_version, load_checker)
