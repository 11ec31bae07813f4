// Makes the migrated template databases once, before any test file runs, so that no test's own time
// limit has to cover it (under load it can take most of a minute).
import { pgliteTemplateFiles, postgresTemplate } from './database-template';

export default async function setup(): Promise<void> {
	await pgliteTemplateFiles();
	const url = process.env.TEST_DATABASE_URL;
	if (url) await postgresTemplate(url);
}
