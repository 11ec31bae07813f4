// Starts the built Leerkompas server once for all end-to-end tests: a fresh embedded database in a temp
// folder, or a fresh PostgreSQL database when TEST_DATABASE_URL is set. Mail goes to the outbox folder.
import type { TestProject } from 'vitest/node';
import { scratchDatabase, startServer } from '../support/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		setupLink: string;
	}
}

export default async function setup(project: TestProject) {
	const database = await scratchDatabase('e2e');
	const server = await startServer(database, undefined, { BODY_SIZE_LIMIT: '3M' });
	// The start banner prints the one-time link that creates the first administrator.
	const deadline = Date.now() + 60_000;
	while (!/\/setup\/\S+/.test(server.output())) {
		if (Date.now() > deadline) throw new Error(`The server printed no set-up link:\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	project.provide('baseUrl', server.baseUrl);
	project.provide('dataDir', database.env.LEERKOMPAS_DATA_DIR!);
	project.provide('setupLink', server.output().match(/https?:\/\/\S+\/setup\/\S+/)![0]);

	return async () => {
		await server.kill('SIGTERM');
		await database.drop();
		if (process.env.LEERKOMPAS_E2E_LOG) console.log(server.output());
	};
}
