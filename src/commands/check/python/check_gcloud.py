"""Checks gcloud calls with the installed Google Cloud CLI, offline; speaks serve.py's protocol.

Run with the SDK's own Python and its lib folder first on sys.path (the TypeScript side does both).
gcloud parses a call, then looks for credentials; with an empty config folder there are none, and it
stops there, before any request: that stop is the sign the call parsed.
"""

import os
import re

import serve

# The refusals that come after parsing and before any request.
PARSED = (
    "You do not currently have an active account selected",
    "does not have any valid credentials",
)


def read_version():
    import googlecloudsdk  # noqa: F401 (is the SDK there at all)

    sdk_root = os.environ["CLOUDSDK_ROOT_DIR"]
    with open(os.path.join(sdk_root, "VERSION"), encoding="utf-8") as version:
        return version.read().strip()


def load_checker():
    from googlecloudsdk import gcloud_main

    cli = gcloud_main.CreateCLI([])

    def execute(args):
        # Execute returns the resources the command printed; finishing at all is success.
        cli.Execute(args)
        return 0

    def check(args):
        result, output = serve.run_captured(lambda: execute(args))
        parsed = serve.how_it_parsed(result, output, PARSED)
        if parsed:
            return "parsed", parsed
        if isinstance(result, Exception):
            return "unchecked", f"the installed gcloud failed: {result}"
        return "rejected", cli_message(output)

    return check


def cli_message(output):
    """gcloud's ERROR paragraph on one line, without the help-search hint and the usage after it."""
    start = output.find("ERROR: ")
    if start == -1:
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        return lines[-1] if lines else "refused the call without saying why"
    paragraph = re.split(r"\n\s*\n|To search the help text|\nUsage: ", output[start + len("ERROR: ") :])[0]
    error, _, suggestions = paragraph.partition("Maybe you meant:")
    meant = [line.strip() for line in suggestions.splitlines() if line.strip()]
    return " ".join(error.split()) + (f" Maybe you meant: {', '.join(meant)}" if meant else "")


if __name__ == "__main__":
    serve.serve(read_version, load_checker)
