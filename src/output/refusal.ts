/**
 * A build that will not start, and has written and deleted nothing: its output folder may not be
 * replaced, another build is writing it, or its input holds no guides. The message is one line naming
 * the folder, why and the fix; `npm run build` answers it with exit code 2, as it does a command-line
 * mistake, since the fix is in how the build was asked for, not in a guide.
 */
export class BuildRefusedError extends Error {
  override readonly name = "BuildRefusedError";
}
