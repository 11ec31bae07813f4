// Entry of `npx leerkompas`. Exit codes: 0 done, 1 could not be done (see the message), 2 wrong arguments.
import { ConfigError, readConfig, type Config } from '../lib/server/config';
import * as m from '../lib/paraglide/messages.js';
import { baseLocale, overwriteGetLocale } from '../lib/paraglide/runtime.js';
import type { AppLocale } from '../lib/domain/instrument';
import { parseCommandArgs, scanGlobal, type GlobalScan } from './args';
import { commandName, type CliIo, type Command, type CommandContext } from './command';
import { COMMANDS, GROUPS } from './commands';
import { describeError } from './database';
import { CliError, UsageError } from './errors';
import { commandHelp, groupHelp, programHelp } from './help';

const processIo: CliIo = {
	stdout: (line) => process.stdout.write(`${line}\n`),
	stderr: (line) => process.stderr.write(`${line}\n`)
};

export async function main(
	argv: string[],
	io: CliIo = processIo,
	env: Record<string, string | undefined> = process.env
): Promise<number> {
	let locale: AppLocale = baseLocale;
	overwriteGetLocale(() => locale);
	let command: readonly string[] = [];
	try {
		const scan = scanGlobal(argv);
		locale = scan.locale ?? baseLocale;
		const target = resolveCommand(scan);
		if (target.kind === 'program') {
			if (scan.help) return print(io, programHelp(COMMANDS));
			throw new UsageError(m.cli_error_no_command());
		}
		if (target.kind === 'unknown') throw new UsageError(m.cli_error_unknown_command({ command: target.words.join(' ') }));
		if (target.kind === 'group') {
			command = [target.group];
			if (scan.help && target.rest.length === 0) return print(io, groupHelp(target.group, target.summary, target.commands));
			const list = target.commands.map((c) => c.path.join(' ')).join(', ');
			throw new UsageError(
				target.rest.length === 0
					? m.cli_error_choose_subcommand({ group: target.group, list })
					: `${m.cli_error_unknown_command({ command: [target.group, ...target.rest].join(' ') })} ${m.cli_error_choose_from({ list })}`,
				command
			);
		}

		command = target.command.path;
		if (scan.help) return print(io, commandHelp(target.command));
		const input = parseCommandArgs(
			argv.filter((_, i) => !target.wordIndexes.includes(i)),
			target.command.options,
			target.command.arguments,
			target.command.path
		);
		let config: Config | undefined;
		const ctx: CommandContext = {
			io,
			locale,
			env,
			config: () => (config ??= loadConfig(env))
		};
		return await target.command.run(ctx, input);
	} catch (e) {
		return report(io, e, command);
	}
}

type Target =
	| { kind: 'program' }
	| { kind: 'unknown'; words: string[] }
	| { kind: 'group'; group: string; summary: string; commands: Command[]; rest: string[] }
	| { kind: 'command'; command: Command; wordIndexes: number[] };

function resolveCommand(scan: GlobalScan): Target {
	let words = scan.words;
	// `leerkompas help firm create` is the same as `leerkompas firm create --help`.
	if (words[0]?.value === 'help') {
		scan.help = true;
		words = words.slice(1);
	}
	if (words.length === 0) return { kind: 'program' };
	const values = words.map((w) => w.value);
	// A command called by an older name (`org create`) speaks under that name, so its help and errors stay as they were.
	const matches = invocableCommands().filter((c) => c.path.every((part, i) => values[i] === part)).sort(
		(a, b) => b.path.length - a.path.length
	);
	const best = matches[0];
	if (best) {
		return { kind: 'command', command: best, wordIndexes: words.slice(0, best.path.length).map((w) => w.index) };
	}
	const group = values[0] ?? '';
	const summary = Object.hasOwn(GROUPS, group) ? GROUPS[group] : undefined;
	if (summary) {
		return {
			kind: 'group',
			group,
			summary: summary(),
			commands: invocableCommands().filter((c) => c.path[0] === group),
			rest: values.slice(1, 2)
		};
	}
	return { kind: 'unknown', words: values.slice(0, 1) };
}

/** Every command under its own path and under each older one. */
function invocableCommands(): Command[] {
	return COMMANDS.flatMap((c) => [c, ...(c.aliases ?? []).map((path) => ({ ...c, path }))]);
}

function loadConfig(env: Record<string, string | undefined>): Config {
	try {
		return readConfig(env);
	} catch (e) {
		if (e instanceof ConfigError) {
			// readConfig's first line is English; the details below it name the variables.
			const details = e.message.split('\n').slice(1).join('\n');
			throw new CliError(`${m.cli_error_config()}\n${details}`);
		}
		throw e;
	}
}

function print(io: CliIo, text: string): number {
	io.stdout(text);
	return 0;
}

function report(io: CliIo, e: unknown, command: readonly string[]): number {
	if (e instanceof UsageError) {
		io.stderr(`${m.cli_label_error()}: ${e.message}`);
		io.stderr(m.cli_error_see_help({ command: commandName(e.command.length > 0 ? e.command : command) }));
		return 2;
	}
	if (e instanceof CliError) {
		io.stderr(`${m.cli_label_error()}: ${e.message}`);
		return e.exitCode;
	}
	io.stderr(`${m.cli_label_error()}: ${m.cli_error_unexpected({ message: describeError(e) })}`);
	return 1;
}
