// Command-line parsing on node's util.parseArgs. It runs non-strict and checks the tokens itself,
// because parseArgs's own errors are English and name no fix; ours say what to change, in the user's language.
import { parseArgs } from 'node:util';
import * as m from '../lib/paraglide/messages.js';
import { appLocales, type AppLocale } from '../lib/domain/instrument';
import type { ArgumentSpec, OptionSpec, OptionSpecs, ParsedInput } from './command';
import { UsageError } from './errors';

export const GLOBAL_OPTIONS = {
	lang: { type: 'string', value: () => 'nl|en', description: () => m.cli_option_lang() },
	help: { type: 'boolean', short: 'h', description: () => m.cli_option_help() }
} satisfies OptionSpecs;

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function tokenize(args: string[], options: OptionSpecs): Token[] {
	const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
	for (const [name, o] of Object.entries(options)) {
		config[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
		if (o.alias) config[o.alias] = { type: o.type };
	}
	return parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true }).tokens;
}

// `--name --slug x` would otherwise make "--slug" the name. Negative numbers still pass, so that
// `--employees -3` gets the message about the number rather than a puzzling one about a missing value.
function looksLikeOption(value: string): boolean {
	return value.startsWith('-') && value !== '-' && !/^-\d/.test(value);
}

function example(name: string, spec: OptionSpec): string {
	return `--${name} ${spec.value?.() ?? 'X'}`;
}

export interface GlobalScan {
	locale: AppLocale | undefined;
	help: boolean;
	/** Words that are not options, with their place in argv, in order: the command path comes first. */
	words: { value: string; index: number }[];
}

/** First look at argv: which language, whether help is asked, and which words could name the command. */
export function scanGlobal(argv: string[]): GlobalScan {
	const scan: GlobalScan = { locale: undefined, help: false, words: [] };
	let terminated = false;
	for (const token of tokenize(argv, GLOBAL_OPTIONS)) {
		if (token.kind === 'option-terminator') terminated = true;
		else if (token.kind === 'positional') {
			if (!terminated) scan.words.push({ value: token.value, index: token.index });
		} else if (token.name === 'help') scan.help = true;
		else if (token.name === 'lang') {
			const value = token.value;
			if (value === undefined || (!token.inlineValue && looksLikeOption(value))) {
				throw new UsageError(m.cli_error_missing_value({ option: '--lang', example: '--lang en' }));
			}
			const locale = appLocales.find((l) => l === value.trim().toLowerCase());
			if (!locale) throw new UsageError(m.cli_error_bad_lang({ lang: value }));
			scan.locale = locale;
		}
	}
	return scan;
}

/** Parses a command's own arguments (the command words already removed) against its spec. */
export function parseCommandArgs(
	args: string[],
	options: OptionSpecs,
	argumentSpecs: readonly ArgumentSpec[],
	command: readonly string[]
): ParsedInput {
	const all: OptionSpecs = { ...options, ...GLOBAL_OPTIONS };
	const values: ParsedInput['values'] = {};
	const positionals: string[] = [];
	const fail = (message: string) => new UsageError(message, command);

	for (const token of tokenize(args, all)) {
		if (token.kind === 'option-terminator') continue;
		if (token.kind === 'positional') {
			positionals.push(token.value);
			continue;
		}
		// An older name (`--org`) fills the option it stands for (`--firm`).
		const name = Object.hasOwn(all, token.name) ? token.name : Object.keys(all).find((key) => all[key]?.alias === token.name);
		const spec = name === undefined ? undefined : all[name];
		if (name === undefined || !spec) throw fail(m.cli_error_unknown_option({ option: token.rawName }));
		const option = `--${token.name}`;
		if (values[name] !== undefined) throw fail(m.cli_error_repeated_option({ option }));
		if (spec.type === 'boolean') {
			if (token.value !== undefined) throw fail(m.cli_error_unexpected_value({ option, value: token.value }));
			values[name] = true;
		} else {
			if (token.value === undefined || (!token.inlineValue && looksLikeOption(token.value))) {
				throw fail(m.cli_error_missing_value({ option, example: example(token.name, spec) }));
			}
			values[name] = token.value;
		}
	}

	for (const [name, spec] of Object.entries(all)) {
		if (values[name] !== undefined) continue;
		if (spec.required) throw fail(m.cli_error_missing_option({ option: example(name, spec) }));
		values[name] = spec.type === 'boolean' ? false : spec.default;
	}

	const missing = argumentSpecs.slice(positionals.length).find((a) => a.required);
	if (missing) throw fail(m.cli_error_missing_argument({ argument: missing.name() }));
	if (positionals.length > argumentSpecs.length) {
		throw fail(m.cli_error_too_many_arguments({ extra: positionals.slice(argumentSpecs.length).join(' ') }));
	}
	return { values, args: positionals };
}
