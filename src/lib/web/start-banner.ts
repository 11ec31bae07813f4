import cluster from 'node:cluster';
import type { AppServices } from './app';
import { createAdminSetupToken, hasAdmin } from '../server/admin/setup-token';
import { mailerDescription } from '../server/mail/mailer';

export async function printStartBanner(services: AppServices) {
	if (!printsStartBanner(cluster.isWorker, process.env)) return;
	const { config, origin, database } = services;
	const lines = [
		'',
		`  Leerkompas is running: ${origin}/`,
		`  Database: ${database.kind === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
		// The banner is for the operator, in English throughout (like the server's log lines).
		`  Mail: ${mailerDescription(config, 'en')}`
	];
	if (!(await hasAdmin(database.db))) {
		const token = await createAdminSetupToken(database.db);
		lines.push('', '  No administrator yet. Create the first one within 24 hours with this one-time link:', `  ${origin}/setup/${token}`);
	}
	console.log(lines.join('\n') + '\n');
}

/**
 * With LEERKOMPAS_WORKERS=N, the primary (scripts/workers.js) lets one worker print the banner: every banner
 * would make a set-up link of its own, and a newcomer shown N links cannot tell which one to use.
 */
function printsStartBanner(isWorker: boolean, env: NodeJS.ProcessEnv): boolean {
	return !isWorker || env.LEERKOMPAS_START_BANNER === '1';
}
