"""Checks aws CLI calls with the installed CLI (version 1), offline; speaks serve.py's protocol.

The CLI's own driver parses each call against botocore's service models; a call that parses goes on
to send its request to the closed endpoint the environment names, where network_guard ends it: the
sign it parsed.
"""

import difflib
import json
import re
import sys

import serve


def read_version():
    import awscli

    return awscli.__version__


def load_checker():
    # argparse names the program after this script in its messages otherwise.
    sys.argv[0] = "aws"
    serve.refuse_abbreviations()

    from awscli.clidriver import create_clidriver
    from botocore.utils import ArgumentGenerator

    driver = create_clidriver()
    emitter = driver.session.get_component("event_emitter")
    argument_tables = []
    emitter.register("building-argument-table", lambda argument_table, **_: argument_tables.append(argument_table))
    skeletons = ArgumentGenerator(use_member_names=True)

    def file_stand_in(param, value, **_):
        # A file:// value names a file on the reader's machine; a value of the parameter's shape stands
        # in for its contents, so the rest of the call is still checked.
        if not (isinstance(value, str) and value.startswith(("file://", "fileb://"))):
            return None
        model = getattr(param, "argument_model", None)
        if model is not None and model.type_name in ("structure", "list", "map"):
            # A skeleton holds datetime values for timestamp members (a lifecycle rule's Date).
            return json.dumps(skeletons.generate_skeleton(model), default=str)
        return "file-contents"

    emitter.register_first("load-cli-arg", file_stand_in)

    def check(args):
        argument_tables.clear()
        result, output = serve.run_captured(lambda: driver.main(without_profile(args)))
        parsed = serve.how_it_parsed(result, output)
        if parsed:
            return "parsed", parsed
        if isinstance(result, Exception):
            return "unchecked", f"the installed aws CLI failed: {result}"
        message = cli_message(output)
        hints = serve.abbreviation_hints(message) or misspelling_hints(message, argument_tables)
        return "rejected", "; ".join([message, *hints])

    return check


def without_profile(args):
    """The call without --profile: a profile is the reader's own, and the throwaway config has none."""
    kept = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--profile":
            skip = True
        elif not arg.startswith("--profile="):
            kept.append(arg)
    return kept


def cli_message(output):
    """The CLI's own words for what it refused, without its usage text and v2 notice."""
    choice = output.rfind("Invalid choice: '")
    if choice != -1:
        question, _, suggestions = output[choice:].partition("maybe you meant:")
        meant = [line.strip(" *") for line in suggestions.splitlines() if line.strip(" *")]
        return " ".join(question.split()) + (f" maybe you meant: {', '.join(meant)}" if meant else "")
    error = re.search(r"^aws: error: (.*)$", output, re.MULTILINE)
    if error and error.group(1).endswith("valid choices are:"):
        choices = re.findall(r"[\w.-]+", output[error.end() :])
        return f"{error.group(1)} {', '.join(choices[:12])}{', …' if len(choices) > 12 else ''}"
    if error:
        return error.group(1).strip()
    # The first paragraph after the usage block, which ends with the help commands.
    after_usage = output.rsplit("aws <command> <subcommand> help", 1)[-1].strip()
    paragraph = after_usage.split("\n\n")[0]
    return " ".join(paragraph.split()) or "refused the call without saying why"


def misspelling_hints(message, argument_tables):
    """'did you mean --max-items?' for an unknown option close to one the operation has."""
    if not message.startswith("Unknown options:") or not argument_tables:
        return []
    known = [f"--{name}" for name in argument_tables[-1]]
    hints = []
    for word in re.findall(r"--[\w-]+", message):
        close = difflib.get_close_matches(word, known, n=1)
        if close:
            hints.append(f"did you mean {close[0]}?")
    return hints


if __name__ == "__main__":
    serve.serve(read_version, load_checker)
