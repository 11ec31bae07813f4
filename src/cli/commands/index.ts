// Every CLI command, in the order the program help lists them. Add a command here after writing its file.
import * as m from '../../lib/paraglide/messages.js';
import type { Command } from '../command';
import { backupCommand } from './backup';
import { createAdminCommand } from './create-admin';
import { orgCreateCommand } from './org-create';
import { restoreCommand } from './restore';

export const COMMANDS: readonly Command[] = [createAdminCommand, backupCommand, restoreCommand, orgCreateCommand];

/** Words that group several commands (`org create`, later `round create`, ...), with their summary. */
export const GROUPS: Readonly<Record<string, () => string>> = {
	org: () => m.cli_org_summary()
};
