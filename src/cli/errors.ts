// Two kinds of failure the user can act on. Neither prints a stack trace: the message says what to fix.

/** The command line itself is wrong (exit 2); the help of `command` shows how to write it. */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly command: readonly string[] = []
	) {
		super(message);
	}
}

/** The command was understood but cannot be carried out (exit 1, unless said otherwise). */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
	}
}
