// A logical backup: every table as JSON, in foreign-key order, gzip-compressed. Being plain SQL data
// rather than PGlite's or PostgreSQL's files, it restores into either, which is how a user moves from
// the embedded database to a server.
//
// The file is one JSON document, laid out one chunk of rows per line so that both ends can stream it:
//   {"format":"leerkompas-backup","version":1,...,"tables":[...],"data":[
//   {"table":"user","rows":[...]}
//   ,{"table":"firm","rows":[...]}
//   ]}
// Rows are produced and consumed by PostgreSQL itself (json_agg / json_populate_recordset) and pass
// through JavaScript as text only, so no value is reshaped on the way (bigints, numerics, bytea, jsonb).
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { rowsOf, type SqlRunner } from '../db/raw-rows';
import { columnList, count, listTables, migrationCount, qualified, type TableInfo } from './catalog';

export const BACKUP_FORMAT = 'leerkompas-backup';
export const BACKUP_VERSION = 1;
const CHUNK_ROWS = 1000;
const DATA_OPEN = ',"data":[';
const DATA_CLOSE = ']}';

const headerSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	createdAt: z.string(),
	migrations: z.number().int().min(0),
	tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) }))
});
export type BackupHeader = z.infer<typeof headerSchema>;

export type BackupErrorCode =
	| 'file_exists'
	| 'no_directory'
	| 'not_found'
	| 'bad_file'
	| 'newer_version'
	| 'older_version'
	| 'schema_mismatch'
	| 'not_empty';

/** A refusal the user can act on; `code` picks the message, the fields fill it in. */
export class BackupError extends Error {
	constructor(
		readonly code: BackupErrorCode,
		message: string,
		readonly details: { backup?: number; current?: number; detail?: string } = {}
	) {
		super(message);
	}
}

export interface BackupSummary {
	file: string;
	migrations: number;
	tables: { name: string; rows: number }[];
	rows: number;
}

export async function createBackup(
	db: Database,
	file: string,
	options: { overwrite?: boolean } = {}
): Promise<BackupSummary> {
	const target = resolve(file);
	if (!existsSync(dirname(target))) {
		throw new BackupError('no_directory', `Folder ${dirname(target)} does not exist`, { detail: dirname(target) });
	}
	if (!options.overwrite && existsSync(target)) {
		throw new BackupError('file_exists', `File ${target} already exists`, { detail: target });
	}
	// Written beside the target and renamed at the end, so a failed run never leaves a file that
	// looks like a complete backup (and never damages the previous one).
	const temporary = `${target}.${process.pid}.partial`;
	try {
		const summary = await db.transaction(
			async (tx) => {
				const tables = await listTables(tx);
				const header: BackupHeader = {
					format: BACKUP_FORMAT,
					version: BACKUP_VERSION,
					createdAt: new Date().toISOString(),
					migrations: await migrationCount(tx),
					tables: []
				};
				for (const t of tables) {
					const [row] = await rowsOf(tx, sql`select count(*)::int as n from ${qualified(t.name)}`);
					header.tables.push({ name: t.name, columns: t.columns, rows: count(row) });
				}
				await pipeline(
					Readable.from(backupLines(tx, header, tables)),
					createGzip(),
					createWriteStream(temporary, { mode: 0o600 })
				);
				return summarize(target, header);
			},
			// One snapshot for all tables, so a PostgreSQL server in use yields a consistent backup.
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		await rename(temporary, target);
		return summary;
	} catch (e) {
		await rm(temporary, { force: true });
		throw e;
	}
}

async function* backupLines(db: SqlRunner, header: BackupHeader, tables: TableInfo[]): AsyncGenerator<string> {
	const headerJson = JSON.stringify(header);
	yield `${headerJson.slice(0, -1)}${DATA_OPEN}\n`;
	let first = true;
	for (const t of tables) {
		const total = header.tables.find((h) => h.name === t.name)?.rows ?? 0;
		// Paging needs a stable order; a table without a primary key is read in one go.
		const order = t.primaryKey.length > 0 ? sql` order by ${columnList(t.primaryKey)}` : sql``;
		const pageSize = t.primaryKey.length > 0 ? CHUNK_ROWS : Math.max(total, 1);
		for (let offset = 0; offset < total; offset += pageSize) {
			const [row] = await rowsOf(
				db,
				sql`select json_agg(t)::text as rows from (select * from ${qualified(t.name)}${order} limit ${pageSize} offset ${offset}) t`
			);
			const rows = row?.['rows'];
			if (typeof rows !== 'string') continue;
			// json_agg puts newlines between rows; inside JSON strings a newline is always escaped,
			// so every raw newline is layout and can go, keeping one chunk on one line.
			yield `${first ? '' : ','}{"table":${JSON.stringify(t.name)},"rows":${rows.replace(/\n/g, '')}}\n`;
			first = false;
		}
	}
	yield `${DATA_CLOSE}\n`;
}

/** Reads just the header, e.g. to show what a file holds before restoring it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
	const lines = readLines(resolve(file));
	try {
		const first = await lines.next();
		return parseHeader(first.done ? undefined : first.value);
	} finally {
		await lines.return(undefined);
	}
}

/**
 * Restores into an empty database; with `force`, first empties it. Everything happens in one
 * transaction, so a refusal or a damaged file leaves the database exactly as it was.
 */
export async function restoreBackup(
	db: Database,
	file: string,
	options: { force?: boolean } = {}
): Promise<BackupSummary> {
	const source = resolve(file);
	if (!existsSync(source)) throw new BackupError('not_found', `File ${source} does not exist`, { detail: source });
	const lines = readLines(source);
	try {
		const first = await lines.next();
		const header = parseHeader(first.done ? undefined : first.value);
		const current = await migrationCount(db);
		if (header.migrations > current) {
			throw new BackupError('newer_version', 'The backup comes from a newer version of Leerkompas', {
				backup: header.migrations,
				current
			});
		}
		if (header.migrations < current) {
			throw new BackupError('older_version', 'The backup comes from an older version of Leerkompas', {
				backup: header.migrations,
				current
			});
		}

		return await db.transaction(async (tx) => {
			const tables = await listTables(tx);
			checkSameTables(header, tables);

			const filled: string[] = [];
			for (const t of tables) {
				const [row] = await rowsOf(tx, sql`select exists(select 1 from ${qualified(t.name)}) as filled`);
				if (row?.['filled'] === true) filled.push(t.name);
			}
			if (filled.length > 0) {
				if (!options.force) {
					throw new BackupError('not_empty', 'The database already holds data', { detail: filled.join(', ') });
				}
				await tx.execute(
					sql`truncate table ${sql.join(
						tables.map((t) => qualified(t.name)),
						sql`, `
					)} restart identity`
				);
			}

			const byName = new Map(tables.map((t) => [t.name, t]));
			let ended = false;
			for (let next = await lines.next(); !next.done; next = await lines.next()) {
				const line = next.value;
				if (ended) {
					if (line.trim() === '') continue;
					throw new BackupError('bad_file', 'Text after the end of the backup', { detail: 'text after the end' });
				}
				if (line === DATA_CLOSE) {
					ended = true;
					continue;
				}
				const name = chunkTable(line);
				const t = byName.get(name);
				if (!t) throw new BackupError('bad_file', `Rows for unknown table ${name}`, { detail: `unknown table ${name}` });
				const payload = line.startsWith(',') ? line.slice(1) : line;
				const columns = columnList(t.writableColumns);
				try {
					// OVERRIDING SYSTEM VALUE keeps the ids of identity columns instead of drawing new ones.
					await tx.execute(
						sql`insert into ${qualified(t.name)} (${columns}) overriding system value
							select ${columns} from json_populate_recordset(null::${qualified(t.name)}, ${payload}::json -> 'rows')`
					);
				} catch (e) {
					throw new BackupError('bad_file', `Rows for table ${name} do not fit: ${messageOf(e)}`, {
						detail: `table ${name}: ${messageOf(e)}`
					});
				}
			}
			if (!ended) throw new BackupError('bad_file', 'The backup is incomplete', { detail: 'incomplete' });

			for (const h of header.tables) {
				const [row] = await rowsOf(tx, sql`select count(*)::int as n from ${qualified(h.name)}`);
				if (count(row) !== h.rows) {
					throw new BackupError('bad_file', `Table ${h.name} should have ${h.rows} rows, found ${count(row)}`, {
						detail: `table ${h.name}: ${count(row)} of ${h.rows} rows`
					});
				}
			}
			await resetSequences(tx);
			return summarize(source, header);
		});
	} finally {
		await lines.return(undefined);
	}
}

function summarize(file: string, header: BackupHeader): BackupSummary {
	const tables = header.tables.map((t) => ({ name: t.name, rows: t.rows }));
	return { file, migrations: header.migrations, tables, rows: tables.reduce((s, t) => s + t.rows, 0) };
}

function parseHeader(line: string | undefined): BackupHeader {
	if (line === undefined || !line.endsWith(DATA_OPEN)) {
		throw new BackupError('bad_file', 'Not a Leerkompas backup', { detail: 'no backup header' });
	}
	let json: unknown;
	try {
		json = JSON.parse(`${line.slice(0, -DATA_OPEN.length)}}`);
	} catch {
		throw new BackupError('bad_file', 'Not a Leerkompas backup', { detail: 'no backup header' });
	}
	const parsed = headerSchema.safeParse(json);
	if (!parsed.success) {
		const version = typeof json === 'object' && json !== null && 'version' in json ? String(json.version) : '?';
		throw new BackupError('bad_file', `Unknown backup header (format version ${version})`, {
			detail: `unknown header, format version ${version}`
		});
	}
	return parsed.data;
}

function chunkTable(line: string): string {
	const match = /^,?\{"table":("(?:[^"\\]|\\.)*"),"rows":/.exec(line);
	if (!match?.[1] || !line.endsWith('}')) {
		throw new BackupError('bad_file', 'Damaged line in the backup', { detail: 'damaged line' });
	}
	return JSON.parse(match[1]) as string;
}

function checkSameTables(header: BackupHeader, tables: TableInfo[]): void {
	const problems: string[] = [];
	const current = new Map(tables.map((t) => [t.name, t]));
	for (const h of header.tables) {
		const t = current.get(h.name);
		if (!t) problems.push(`table ${h.name} is not in this database`);
		else if ([...h.columns].sort().join(',') !== [...t.columns].sort().join(',')) {
			problems.push(`table ${h.name} has other columns`);
		}
	}
	for (const t of tables) {
		if (!header.tables.some((h) => h.name === t.name)) problems.push(`table ${t.name} is not in the backup`);
	}
	if (problems.length > 0) {
		throw new BackupError('schema_mismatch', `The backup does not match this database: ${problems.join('; ')}`, {
			detail: problems.join('; ')
		});
	}
}

// Restored ids came from the file, not from the sequences; move each sequence past them.
async function resetSequences(db: SqlRunner): Promise<void> {
	const rows = await rowsOf(
		db,
		sql`select table_name, column_name,
				pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as seq
			from information_schema.columns where table_schema = 'public'`
	);
	for (const row of rows) {
		const seq = row['seq'];
		const table = row['table_name'];
		const column = row['column_name'];
		if (typeof seq !== 'string' || typeof table !== 'string' || typeof column !== 'string') continue;
		await db.execute(
			sql`select setval(${seq}::regclass, coalesce((select max(${sql.identifier(column)}) from ${qualified(table)}), 0) + 1, false)`
		);
	}
}

/** Lines of a gzip'd file; any read or decompression error becomes a 'bad_file' refusal. */
async function* readLines(file: string): AsyncGenerator<string, void, undefined> {
	const source = createReadStream(file);
	const gunzip = createGunzip();
	source.on('error', (e) => gunzip.destroy(e));
	source.pipe(gunzip);
	const decoder = new StringDecoder('utf8');
	let pending = '';
	try {
		for await (const chunk of gunzip) {
			pending += decoder.write(chunk as Buffer);
			for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
				yield pending.slice(0, nl);
				pending = pending.slice(nl + 1);
			}
		}
		pending += decoder.end();
		if (pending.length > 0) yield pending;
	} catch (e) {
		throw new BackupError('bad_file', `Cannot read the backup: ${messageOf(e)}`, { detail: messageOf(e) });
	} finally {
		source.destroy();
		gunzip.destroy();
	}
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
