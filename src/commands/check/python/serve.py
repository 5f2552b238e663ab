"""The line protocol every CLI checker speaks with the TypeScript side.

The first line out is {"version": ...}, or {"missing": ...} when the CLI cannot be imported. Then
each line in is {"args": [...]}, the words after the CLI's name, and each line out is
{"outcome": "parsed" | "rejected" | "unchecked", "message": ..., "offLoopback": [...]}: the message
says how a parsed call ended, or is the CLI's own refusal on one line. The CLI runs in this process,
so its start-up is paid once, not per call; whatever it prints goes to a file per call, never to the
protocol.
"""

import argparse
import json
import os
import re
import sys
import tempfile

import file_guard
import network_guard

# The options an abbreviation refused in the current call would have matched, by the abbreviation.
abbreviations = {}


def serve(read_version, load_checker):
    """Answers calls until stdin closes. read_version() names the installed CLI, or raises ImportError
    when it is not there; load_checker() returns check(args) -> (outcome, message). It runs on the
    first call, so a run whose calls are all cached pays only for the version."""
    channel = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    # Anything a CLI prints outside a call lands on stderr, never in the protocol.
    os.dup2(2, 1)
    network_guard.install()
    file_guard.install(os.environ["COMMAND_CHECK_WRITABLE"])
    try:
        version = read_version()
    except ImportError as error:
        channel.write(json.dumps({"missing": str(error)}) + "\n")
        return
    channel.write(json.dumps({"version": version}) + "\n")
    check = None
    for line in sys.stdin:
        if not line.strip():
            continue
        args = json.loads(line)["args"]
        abbreviations.clear()
        if check is None:
            check, output = run_captured(load_checker)
            if isinstance(check, Exception) or not callable(check):
                raise RuntimeError(f"the CLI failed to load: {check}\n{output}")
        outcome, message = check(args)
        channel.write(
            json.dumps({"outcome": outcome, "message": message, "offLoopback": network_guard.take_attempts()}) + "\n"
        )


def run_captured(action):
    """Runs action with the process's stdout and stderr in a file: (its result or exit code, the text)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    network_guard.take_reached()
    # The calls come in on stdin: a call that reads its input from stdin (`aws s3 cp - s3://…`) must
    # find it empty, not wait on the checker's next request or read it.
    saved_stdin = os.dup(0), sys.stdin
    with tempfile.TemporaryFile() as output, open(os.devnull) as empty:
        os.dup2(empty.fileno(), 0)
        sys.stdin = empty
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
        try:
            result = action()
        except network_guard.ReachedNetwork as reached:
            result = reached
        except SystemExit as exit_:
            result = exit_.code
        # The CLI's own crash is told as such, not taken for a verdict on the call.
        except Exception as error:
            result = error
        finally:
            reached = network_guard.take_reached()
            if reached and not isinstance(result, network_guard.ReachedNetwork):
                result = network_guard.ReachedNetwork(reached)
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            os.dup2(saved_stdin[0], 0)
            os.close(saved_stdin[0])
            sys.stdin = saved_stdin[1]
        output.seek(0)
        return result, output.read().decode("utf-8", errors="replace")


def refuse_abbreviations():
    """Makes argparse refuse an option's prefix (`--user-nam` for `--user-name`), which aws CLI v1 and
    az accept and other versions, and readers' scripts that outlive them, do not: an abbreviation is
    then answered as the unknown option it is, in the CLI's own words, and recorded for the hint."""
    original_init = argparse.ArgumentParser.__init__
    original_option_tuples = argparse.ArgumentParser._get_option_tuples

    def without_abbreviations(self, *args, **kwargs):
        kwargs["allow_abbrev"] = False
        original_init(self, *args, **kwargs)

    def recording_abbreviations(self, option_string):
        if not option_string.startswith("--"):
            return original_option_tuples(self, option_string)
        self.allow_abbrev = True
        try:
            matches = original_option_tuples(self, option_string)
        finally:
            self.allow_abbrev = False
        if matches:
            abbreviations[option_string.split("=")[0]] = sorted({match[1] for match in matches})
        return []

    argparse.ArgumentParser.__init__ = without_abbreviations
    argparse.ArgumentParser._get_option_tuples = recording_abbreviations


def abbreviation_hints(message):
    """'--user-nam is short for --user-name' for each refused abbreviation the message names."""
    hints = []
    for abbreviation, options in abbreviations.items():
        if re.search(rf"{re.escape(abbreviation)}(?![\w-])", message):
            whole = " or ".join(options)
            hints.append(f"{abbreviation} is short for {whole}: write it in full, as other versions of the CLI require")
    return hints


def how_it_parsed(result, text, sign_in_signs=()):
    """How a call got past the CLI's parsing, or None when it did not: it finished, reached for the
    network, stopped for want of a signed-in account, or stopped at a file or folder of the reader's
    machine."""
    if isinstance(result, network_guard.ReachedNetwork):
        return "reached the closed endpoint"
    if any(sign in text for sign in sign_in_signs):
        return "stopped before signing in"
    if any(sign in text for sign in LOCAL_FILE_SIGNS):
        return "stopped at a file of the reader's machine"
    if result in (0, None):
        return "finished without a request"
    return None


# How the CLIs say that a file or folder the call names is not on this machine, which the reader's is.
LOCAL_FILE_SIGNS = (
    "No such file or directory",
    "must name an existing directory",
    "user-provided path",
)
