// Help texts, built from the command specs so that they cannot drift from what the parser accepts.
import * as m from '../lib/paraglide/messages.js';
import { GLOBAL_OPTIONS } from './args';
import { commandName, type Command, type OptionSpec, type OptionSpecs } from './command';

const WIDTH = 80;

export function programHelp(commands: readonly Command[]): string {
	const lines = [
		m.cli_program_title(),
		'',
		`${m.cli_label_usage()}: leerkompas <${m.cli_value_command()}> [...]`,
		'',
		`${m.cli_label_commands()}:`,
		...table(commands.flatMap(commandRows)),
		'',
		`${m.cli_label_general_options()}:`,
		...optionTable(GLOBAL_OPTIONS),
		'',
		...wrap(m.cli_help_more({ example: `leerkompas <${m.cli_value_command()}> --help` }), WIDTH),
		'',
		...wrap(m.cli_help_database(), WIDTH)
	];
	return lines.join('\n');
}

/** A command's row, and one per older name that says which command it is. */
function commandRows(c: Command): [string, string][] {
	const name = c.path.join(' ');
	return [[name, c.summary()], ...(c.aliases ?? []).map((a): [string, string] => [a.join(' '), m.cli_alias_of({ command: name })])];
}

export function groupHelp(group: string, summary: string, commands: readonly Command[]): string {
	return [
		summary,
		'',
		`${m.cli_label_usage()}: ${commandName([group])} <${m.cli_value_command()}> [...]`,
		'',
		m.cli_help_group(),
		...table(commands.map((c) => [c.path.join(' '), c.summary()])),
		'',
		...wrap(m.cli_help_more({ example: `${commandName([group])} <${m.cli_value_command()}> --help` }), WIDTH)
	].join('\n');
}

export function commandHelp(command: Command): string {
	const lines = [
		...wrap(`${m.cli_label_usage()}: ${usage(command)}`, WIDTH, '    '),
		'',
		...wrap(command.description(), WIDTH)
	];
	if (command.arguments.length > 0) {
		lines.push('', `${m.cli_label_arguments()}:`, ...table(command.arguments.map((a) => [a.name(), a.description()])));
	}
	if (Object.keys(command.options).length > 0) {
		lines.push('', `${m.cli_label_options()}:`, ...optionTable(command.options));
	}
	lines.push('', `${m.cli_label_general_options()}:`, ...optionTable(GLOBAL_OPTIONS), '', ...wrap(m.cli_help_database(), WIDTH));
	return lines.join('\n');
}

export function usage(command: Command): string {
	const parts = [commandName(command.path)];
	for (const a of command.arguments) parts.push(a.required ? a.name() : `[${a.name()}]`);
	for (const [name, spec] of Object.entries(command.options)) {
		const text = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value?.() ?? 'X'}`;
		parts.push(spec.required ? text : `[${text}]`);
	}
	return parts.join(' ');
}

function optionTable(options: OptionSpecs): string[] {
	return table(Object.entries(options).map(([name, spec]) => [optionLabel(name, spec), optionText(spec)]));
}

function optionLabel(name: string, spec: OptionSpec): string {
	const long = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value?.() ?? 'X'}`;
	return spec.short ? `-${spec.short}, ${long}` : long;
}

function optionText(spec: OptionSpec): string {
	const notes: string[] = [];
	if (spec.required) notes.push(m.cli_required());
	if (spec.default !== undefined) notes.push(m.cli_default({ value: spec.default }));
	if (spec.choices) notes.push(m.cli_choices({ list: spec.choices.join(', ') }));
	if (spec.alias) notes.push(m.cli_also({ option: `--${spec.alias}` }));
	return notes.length > 0 ? `${spec.description()} (${notes.join('; ')})` : spec.description();
}

/** Two columns; long texts wrap under their own column. */
function table(rows: [string, string][]): string[] {
	const left = Math.min(Math.max(...rows.map(([l]) => l.length)) + 2, 28);
	const out: string[] = [];
	for (const [label, text] of rows) {
		const indent = ' '.repeat(2 + left);
		const body = wrap(text, WIDTH - 2 - left);
		if (label.length + 2 > left) {
			out.push(`  ${label}`);
			out.push(...body.map((l) => indent + l));
		} else {
			out.push(`  ${label.padEnd(left)}${body[0] ?? ''}`);
			out.push(...body.slice(1).map((l) => indent + l));
		}
	}
	return out;
}

function wrap(text: string, width: number, continuation = ''): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = continuation + word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}
	if (line !== '') lines.push(line);
	return lines;
}
