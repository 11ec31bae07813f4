// Every CLI command, in the order the program help lists them. Add a command here after writing its file.
import * as m from '../../lib/paraglide/messages.js';
import type { Command } from '../command';
import { backupCommand } from './backup';
import { createAdminCommand } from './create-admin';
import { firmCreateCommand } from './firm-create';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { roundCreateCommand } from './round-create';
import { importCommand } from './import';
import { exportCommand } from './export';
import { agreementAddCommand } from './agreement-add';
import { agreementRevokeCommand } from './agreement-revoke';
import { retentionRunCommand } from './retention-run';
import { codebookCommand } from './codebook';
import { kennisbankListCommand } from './kennisbank-list';
import { kennisbankSearchCommand } from './kennisbank-search';
import { kennisbankImportCommand } from './kennisbank-import';
import { kennisbankExportCommand } from './kennisbank-export';
import { networkAnnualCommand } from './network-annual';
import { networkCreateCommand } from './network-create';
import { networkAddCommand } from './network-add';
import { networkCoordinatorAddCommand } from './network-coordinator-add';
import { networkReportCommand } from './network-report';
import { pilotCreateCommand } from './pilot-create';
import { pilotAddCommand } from './pilot-add';
import { pilotEvaluateCommand } from './pilot-evaluate';

export const COMMANDS: readonly Command[] = [createAdminCommand, backupCommand, restoreCommand, firmCreateCommand, roundCreateCommand, importCommand, reportCommand, exportCommand, agreementAddCommand, agreementRevokeCommand, retentionRunCommand, codebookCommand, kennisbankListCommand, kennisbankSearchCommand, kennisbankImportCommand, kennisbankExportCommand, networkCreateCommand, networkAddCommand, networkCoordinatorAddCommand, networkReportCommand, networkAnnualCommand, pilotCreateCommand, pilotAddCommand, pilotEvaluateCommand];

/** Words that group several commands (`firm create`, `round create`, ...), with their summary; `org` is the older name of `firm`. */
export const GROUPS: Readonly<Record<string, () => string>> = {
	firm: () => m.cli_org_summary(),
	org: () => m.cli_org_summary(),
	round: () => m.scan_cli_round_summary(),
	agreement: () => m.data_cli_agreement_summary(),
	retention: () => m.data_cli_retention_summary(),
	kennisbank: () => m.cli_kennisbank_summary(),
	network: () => m.network_cli_summary(),
	pilot: () => m.pilot_cli_summary()
};
