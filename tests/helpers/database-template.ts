// Creating a database and running every migration costs seconds of CPU each time (PGlite's initdb most of
// all), and the tests open well over a hundred databases. So the migrated database is made once and copied:
// - PGlite: a data folder in node_modules/.cache, made the way the app makes one, and a dump of it that an
//   in-memory PGlite loads at start;
// - PostgreSQL: a template database that CREATE DATABASE … TEMPLATE copies.
// Both are keyed by the migrations and the PGlite version, so a new migration makes a new template. Each
// copy still goes through openDatabase, which applies any migration the template lacks.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase, PGLITE_EXTENSIONS } from '../../src/lib/server/db/client';
import { migrationsFolder, projectRoot } from '../../src/lib/server/db/paths';

function templateKey(): string {
	const hash = createHash('sha256');
	const folder = migrationsFolder();
	const files = [
		...readdirSync(folder).filter((f) => f.endsWith('.sql')),
		...readdirSync(join(folder, 'meta')).map((f) => join('meta', f))
	].sort();
	for (const file of files) hash.update(file).update(readFileSync(join(folder, file)));
	hash.update(readFileSync(join(projectRoot(), 'node_modules', '@electric-sql', 'pglite', 'package.json')));
	return hash.digest('hex').slice(0, 16);
}

let key: string | undefined;
const keyOnce = () => (key ??= templateKey());

interface PgliteTemplate {
	/** A cleanly closed, migrated PGlite data folder, to copy. */
	dataDir: string;
	/** The same folder as a tar file, for `new PGlite({ loadDataDir })`. */
	dump: string;
}

let pgliteTemplate: Promise<PgliteTemplate> | undefined;

/** Made once per checkout and migration set; a file that finds it made just reads it. */
export function pgliteTemplateFiles(): Promise<PgliteTemplate> {
	return (pgliteTemplate ??= makePgliteTemplate());
}

async function makePgliteTemplate(): Promise<PgliteTemplate> {
	const cache = join(projectRoot(), 'node_modules', '.cache', 'leerkompas-tests');
	const final = join(cache, `pglite-${keyOnce()}`);
	const files = { dataDir: join(final, 'data'), dump: join(final, 'data.tar') };
	if (existsSync(join(final, 'ready'))) return files;
	removeAbandoned(cache);

	// Built aside and renamed into place, so two test processes at once never see half a template.
	const building = join(cache, `building-${randomBytes(6).toString('hex')}`);
	mkdirSync(building, { recursive: true });
	try {
		const handle = await openDatabase({ kind: 'pglite', dataDir: building });
		await handle.close();
		const client = new PGlite(join(building, 'pglite'), { extensions: PGLITE_EXTENSIONS });
		try {
			await client.waitReady;
			const dump = await client.dumpDataDir('none');
			writeFileSync(join(building, 'data.tar'), Buffer.from(await dump.arrayBuffer()));
		} finally {
			await client.close();
		}
		renameSync(join(building, 'pglite'), join(building, 'data'));
		writeFileSync(join(building, 'ready'), '');
		try {
			renameSync(building, final);
		} catch (e) {
			// Another process was first; its template is as good as ours.
			if (!existsSync(join(final, 'ready'))) throw e;
		}
	} finally {
		rmSync(building, { recursive: true, force: true });
	}
	return files;
}

/** A run stopped while building leaves its folder; one an hour old is not being built any more. */
function removeAbandoned(cache: string): void {
	if (!existsSync(cache)) return;
	for (const entry of readdirSync(cache)) {
		const path = join(cache, entry);
		if (entry.startsWith('building-') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
	}
}

let dumpBlob: Promise<Blob> | undefined;

/** The migrated database as PGlite's loadDataDir wants it, read once per test file. */
export function pgliteTemplateDump(): Promise<Blob> {
	return (dumpBlob ??= pgliteTemplateFiles().then(({ dump }) => new Blob([readFileSync(dump)])));
}

/** Gives `dataDir` (the app's data folder) an embedded database as the app leaves it after its first start. */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
	const { dataDir: template } = await pgliteTemplateFiles();
	cpSync(template, join(dataDir, 'pglite'), { recursive: true });
}

const templates = new Map<string, Promise<string>>();

/** The name of a migrated template database on the server at `url`, made on first use. */
export function postgresTemplate(url: string): Promise<string> {
	let name = templates.get(url);
	if (!name) {
		name = makePostgresTemplate(url);
		templates.set(url, name);
	}
	return name;
}

async function makePostgresTemplate(url: string): Promise<string> {
	const name = `leerkompas_tpl_${keyOnce()}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		// Test processes that start together make it once; the others wait here and find it made.
		await admin`select pg_advisory_lock(7346002)`;
		const found = await admin`select 1 from pg_database where datname = ${name}`;
		if (found.length === 0) {
			const building = `${name}_${randomBytes(4).toString('hex')}`;
			await admin.unsafe(`create database ${building}`);
			const target = new URL(url);
			target.pathname = `/${building}`;
			const handle = await openDatabase({ kind: 'postgres', url: target.toString() });
			await handle.close();
			await admin.unsafe(`alter database ${building} rename to ${name}`);
		}
		await admin`select pg_advisory_unlock(7346002)`;
	} finally {
		await admin.end();
	}
	return name;
}
