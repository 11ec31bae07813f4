// What the database itself says about its tables. Backup reads the catalog rather than the Drizzle schema,
// so a table added by a later migration is included without anyone remembering to list it here.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type SqlRunner } from '../db/raw-rows';

export interface TableInfo {
	name: string;
	/** Every column, in table order. */
	columns: string[];
	/** Columns a restore may write: generated columns are computed by the database. */
	writableColumns: string[];
	primaryKey: string[];
}

function text(row: Record<string, unknown>, key: string): string {
	const v = row[key];
	if (typeof v !== 'string') throw new Error(`Expected text in column ${key}`);
	return v;
}

export function count(row: Record<string, unknown> | undefined, key = 'n'): number {
	const v = row?.[key];
	const n = typeof v === 'string' ? Number(v) : v;
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`Expected a number in column ${key}`);
	return n;
}

/** The application's tables in the public schema, parents before the tables that refer to them. */
export async function listTables(db: SqlRunner): Promise<TableInfo[]> {
	const tableRows = await rowsOf(
		db,
		sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`
	);
	const columnRows = await rowsOf(
		db,
		sql`select table_name, column_name, is_generated from information_schema.columns
			where table_schema = 'public' order by table_name, ordinal_position`
	);
	const keyRows = await rowsOf(
		db,
		sql`select c.relname as table_name, a.attname as column_name
			from pg_index i
			join pg_class c on c.oid = i.indrelid
			join pg_namespace n on n.oid = c.relnamespace
			join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
			where i.indisprimary and n.nspname = 'public'
			order by c.relname, a.attnum`
	);
	const foreignKeyRows = await rowsOf(
		db,
		sql`select child.relname as child, parent.relname as parent
			from pg_constraint con
			join pg_class child on child.oid = con.conrelid
			join pg_class parent on parent.oid = con.confrelid
			join pg_namespace n on n.oid = child.relnamespace
			where con.contype = 'f' and n.nspname = 'public'`
	);

	const tables = new Map<string, TableInfo>();
	for (const row of tableRows) {
		const name = text(row, 'name');
		tables.set(name, { name, columns: [], writableColumns: [], primaryKey: [] });
	}
	for (const row of columnRows) {
		const t = tables.get(text(row, 'table_name'));
		if (!t) continue; // views also appear in information_schema.columns
		const column = text(row, 'column_name');
		t.columns.push(column);
		if (row['is_generated'] !== 'ALWAYS') t.writableColumns.push(column);
	}
	for (const row of keyRows) tables.get(text(row, 'table_name'))?.primaryKey.push(text(row, 'column_name'));

	const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
	for (const row of foreignKeyRows) {
		const child = text(row, 'child');
		const parent = text(row, 'parent');
		// A table that refers to itself does not constrain the order between tables.
		if (child !== parent && tables.has(parent)) parents.get(child)?.add(parent);
	}
	return foreignKeyOrder(parents).map((name) => tables.get(name) as TableInfo);
}

/** Kahn's algorithm with names sorted at each step, so the order is the same on every run. */
export function foreignKeyOrder(parents: ReadonlyMap<string, ReadonlySet<string>>): string[] {
	const remaining = new Map([...parents].map(([name, ps]) => [name, new Set(ps)]));
	const order: string[] = [];
	while (remaining.size > 0) {
		const ready = [...remaining].filter(([, ps]) => ps.size === 0).map(([name]) => name).sort();
		if (ready.length === 0) {
			throw new Error(`Foreign keys form a cycle between: ${[...remaining.keys()].sort().join(', ')}`);
		}
		for (const name of ready) {
			order.push(name);
			remaining.delete(name);
			for (const ps of remaining.values()) ps.delete(name);
		}
	}
	return order;
}

/** How many migrations Drizzle has applied: the schema version a backup belongs to. */
export async function migrationCount(db: SqlRunner): Promise<number> {
	const [row] = await rowsOf(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
	return count(row);
}

export function qualified(table: string): SQL {
	return sql`${sql.identifier('public')}.${sql.identifier(table)}`;
}

export function columnList(columns: readonly string[]): SQL {
	return sql.join(
		columns.map((c) => sql.identifier(c)),
		sql`, `
	);
}
