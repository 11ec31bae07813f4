// The shape of one CLI command. A new command is one file in ./commands that calls defineCommand and
// is listed in ./commands/index.ts; parsing, checking and help text come from its spec.
import type { Config } from '../lib/server/config';
import type { AppLocale } from '../lib/domain/instrument';

export interface OptionSpec {
	type: 'string' | 'boolean';
	short?: string;
	/** Placeholder in help and examples, e.g. NAAM. */
	value?: () => string;
	description: () => string;
	required?: boolean;
	/** An older name that means the same, kept working for scripts (e.g. `org` for `firm`); shown in the help. */
	alias?: string;
	/** Used when the option is absent, and shown in the help. */
	default?: string;
	/** Shown in the help; the command itself checks the value, so it can say exactly what is wrong. */
	choices?: readonly string[];
}

export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValues<O extends OptionSpecs> = {
	[K in keyof O]: O[K] extends { type: 'boolean' }
		? boolean
		: O[K] extends { default: string }
			? string
			: string | undefined;
};

export interface ArgumentSpec {
	name: () => string;
	description: () => string;
	required: boolean;
}

export interface CliIo {
	stdout(line: string): void;
	stderr(line: string): void;
}

export interface CommandContext {
	io: CliIo;
	locale: AppLocale;
	env: Record<string, string | undefined>;
	/** Read on first use, so that --help and argument errors work even with a broken environment. */
	config(): Config;
}

export interface ParsedInput {
	values: Record<string, string | boolean | undefined>;
	args: string[];
}

export interface Command {
	path: readonly string[];
	/** Older paths that run this command exactly as before (e.g. `org create` for `firm create`). */
	aliases?: readonly (readonly string[])[];
	summary: () => string;
	description: () => string;
	options: OptionSpecs;
	arguments: readonly ArgumentSpec[];
	run(ctx: CommandContext, input: ParsedInput): Promise<number>;
}

export interface CommandSpec<O extends OptionSpecs> {
	path: readonly string[];
	aliases?: readonly (readonly string[])[];
	summary: () => string;
	description: () => string;
	options: O;
	arguments: readonly ArgumentSpec[];
	run(ctx: CommandContext, input: { options: OptionValues<O>; args: string[] }): Promise<number>;
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
	return {
		...spec,
		// The parser fills exactly the declared options with values of the declared types (see args.ts).
		run: (ctx, input) => spec.run(ctx, { options: input.values as OptionValues<O>, args: input.args })
	};
}

export function commandName(path: readonly string[]): string {
	return ['leerkompas', ...path].join(' ');
}
