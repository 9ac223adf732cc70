/** A refusal or failure the user can act on: its message is printed as it is, without a stack, and the process exits non-zero. */
export class BackupError extends Error {
  /** @param {string} message @param {{ usage?: boolean }} [options] usage: the command line was wrong (exit 2). */
  constructor(message, { usage = false } = {}) {
    super(message);
    this.name = 'BackupError';
    this.exitCode = usage ? 2 : 1;
  }
}

/** Runs an entry point: a BackupError ends it with its message and exit code; anything else is a bug, shown in full. */
export const runCommand = async (name, main) => {
  try {
    await main();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`${name}: ${error.message}`);
      process.exit(error.exitCode);
    }
    console.error(`${name} failed:`, error);
    process.exit(1);
  }
};
