import {
	NAME_MAX_LENGTH,
	parseCreateFirmInput,
	PROVINCES,
	SECTORS,
	type CreateFirmErrorCode,
	type CreateFirmErrors,
	type CreateFirmField,
	type CreateFirmInput
} from '../../lib/server/firms/create-firm.schema';
import { createFirm } from '../../lib/server/firms/create-firm';
import * as m from '../../lib/paraglide/messages.js';
import { defineCommand } from '../command';
import { withDatabase } from '../database';
import { UsageError } from '../errors';

// `org create` is the older name, kept working as DESIGN.md's stable command-line contract promises.
export const firmCreateCommand = defineCommand({
	path: ['firm', 'create'],
	aliases: [['org', 'create']],
	summary: () => m.cli_org_create_summary(),
	description: () => m.cli_org_create_description(),
	options: {
		name: { type: 'string', value: () => m.cli_value_name(), description: () => m.cli_org_option_name(), required: true },
		slug: { type: 'string', value: () => m.cli_value_slug(), description: () => m.cli_org_option_slug() },
		// The issue makes the number optional; 1 keeps such a firm in the smallest size class until the
		// owner corrects it in the app.
		employees: {
			type: 'string',
			value: () => m.cli_value_number(),
			description: () => m.cli_org_option_employees(),
			default: '1'
		},
		sector: {
			type: 'string',
			value: () => m.cli_value_id(),
			description: () => m.cli_org_option_sector(),
			default: 'overig',
			choices: SECTORS
		},
		province: {
			type: 'string',
			value: () => m.cli_value_id(),
			description: () => m.cli_org_option_province(),
			default: 'onbekend',
			choices: PROVINCES
		}
	},
	arguments: [],
	async run(ctx, { options }) {
		const input: CreateFirmInput = {
			name: options.name ?? '',
			slug: options.slug,
			employees: options.employees,
			sector: options.sector,
			province: options.province
		};
		// Arguments are checked before the database is opened: quick, and possible while the server runs.
		const checked = parseCreateFirmInput(input);
		if (!checked.ok) throw new UsageError(errorText(checked.errors, input));
		const result = await withDatabase(ctx.config(), ({ db }) => createFirm(db, input));
		if (!result.ok) throw new UsageError(errorText(result.errors, input));
		ctx.io.stderr(m.cli_org_created({ name: result.firm.name }));
		ctx.io.stdout(result.firm.slug);
		return 0;
	}
});

function errorText(errors: CreateFirmErrors, input: CreateFirmInput): string {
	return Object.entries(errors)
		.map(([field, code]) => fieldMessage(field as CreateFirmField, code, input))
		.join('\n');
}

function fieldMessage(field: CreateFirmField, code: CreateFirmErrorCode, input: CreateFirmInput): string {
	switch (`${field}:${code}`) {
		case 'name:required':
			return m.cli_org_error_name_required();
		case 'name:too_long':
			return m.cli_org_error_name_too_long({ max: String(NAME_MAX_LENGTH) });
		case 'slug:invalid':
			return m.cli_org_error_slug_invalid({ value: input.slug ?? '' });
		case 'slug:taken':
			return m.cli_org_error_slug_taken({ value: (input.slug ?? '').trim().toLowerCase() });
		case 'employees:required':
		case 'employees:not_integer':
			return m.cli_org_error_employees_not_integer();
		case 'employees:too_few':
			return m.cli_org_error_employees_too_few();
		case 'employees:too_many':
			return m.cli_org_error_employees_too_many();
		case 'sector:required':
		case 'sector:unknown':
			return m.cli_org_error_sector_unknown({ value: input.sector, list: SECTORS.join(', ') });
		case 'province:required':
		case 'province:unknown':
			return m.cli_org_error_province_unknown({ value: input.province, list: PROVINCES.join(', ') });
		default:
			return m.cli_org_error_other({ option: `--${field}` });
	}
}
