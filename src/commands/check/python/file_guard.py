"""Keeps a checked CLI's hands off the machine: it may write only inside the checker's own folder.

A guide's command names files, and a CLI writes some before it needs the network: gcloud creates the
key file of `iam service-accounts keys create <file>` before it asks for an account. The command is
written by whoever wrote the guide, so an absolute path could name a file of the project or the
machine. Python's audit hooks see every open, rename, removal and new process of this interpreter;
the hook refuses a write outside the folder, and any new program, with PermissionError, which the
CLI reports as a failure of that call.
"""

import os
import sys

_write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_path_events = {"os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.truncate", "os.utime", "shutil.rmtree"}
_two_path_events = {"os.rename", "os.link", "os.symlink", "shutil.move", "shutil.copyfile", "shutil.copytree"}
# A fork alone runs no other program (gcloud storage forks workers); what it would run, it must exec.
_process_events = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "pty.spawn"}


def install(writable):
    root = os.path.realpath(writable)

    def inside(path):
        if isinstance(path, int):
            return True
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        real = os.path.realpath(os.path.abspath(path))
        return real == os.devnull or real == root or real.startswith(root + os.sep)

    def refuse(what, path):
        raise PermissionError(f"the command check lets no CLI {what} outside its own folder: {path}")

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                mode is None and isinstance(flags, int) and flags & _write_flags
            )
            if writes and path is not None and not inside(path):
                refuse("write", path)
        elif event in _path_events:
            if args and not inside(args[0]):
                refuse("change", args[0])
        elif event in _two_path_events:
            for path in args[:2]:
                if isinstance(path, (str, bytes, os.PathLike)) and not inside(path):
                    refuse("change", path)
        elif event in _process_events:
            raise PermissionError(f"the command check lets no CLI start another program ({event})")

    sys.addaudithook(hook)
