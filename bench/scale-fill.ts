// Fills a scratch database for the scale benchmark (bench/scale.ts), straight into the tables and in bulk:
// each statement expands a JSON array of a few thousand rows with jsonb_to_recordset, so 100,000 responses
// take a few dozen statements instead of 100,000 requests. The answers come from the instrument
// (sampleResponses), so every report built from them is a valid one.
//
// The crowd: firms with an owner (account, session), one to three rounds each, most with 5 to 40 employee
// responses in all and a few large ones, some rounds by cards, closed rounds with published report
// versions and open rounds with or without one, each response with its submission receipt. The measured
// firm is written last, so a query that scans a table instead of using an index has to pass the crowd first.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { loadInstrument } from '../src/lib/domain/instrument';
import type { ScanResponse } from '../src/lib/domain/response';
import type { Database } from '../src/lib/server/db/client';
import { SECTORS, PROVINCES, sizeClassFor } from '../src/lib/server/firms/create-firm.schema';
import { buildReports, publishRoundReport } from '../src/lib/server/report/publish/publish-report';
import { findReportRound } from '../src/lib/server/report/publish/report-round';
import { mulberry32, sampleResponses } from '../src/lib/server/report/sample-responses';

const instrument = loadInstrument('v1');
const K = 5;
const ROWS_PER_STATEMENT = 2000;
const OPEN_TEXTS = [
	'Collega\u2019s leggen graag iets uit.',
	'Meer tijd voor cursussen.',
	'We praten te weinig over fouten.',
	'De nieuwe machine: wie leert ons die?',
	'Ik mag meedenken over hoe het beter kan.',
	'Een vaste dag per maand om iets nieuws te leren.'
];
const TEAMS = [['Werkplaats', 'Kantoor'], ['Winkel', 'Bezorging', 'Kantoor'], ['Productie', 'Onderhoud', 'Planning', 'Verkoop'], []];

export interface ScaleSize {
	firms: number;
	/** Employee responses in all, across the crowd and the measured firm. */
	responses: number;
}

export interface MeasuredFirm {
	slug: string;
	email: string;
	password: string;
	/** The open round of about 25 responses whose report and page are measured. */
	roundId: string;
	employeeResponses: number;
}

export type RowCounts = Record<string, number>;

function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type Column = [name: string, type: string];

/** Inserts rows given as plain objects (keys = column names), a few thousand per statement. */
async function insertRows(db: Database, table: string, columns: Column[], rows: readonly Record<string, unknown>[], constant: Record<string, string> = {}) {
	const names = columns.map(([name]) => `"${name}"`).join(', ');
	const definitions = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
	// A value the same for every row (a stored report of several kB) travels once, not once per row.
	const constantNames = Object.keys(constant);
	for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
		const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
		const extraNames = constantNames.map((name) => `, "${name}"`).join('');
		const extraValues = constantNames.map((name) => sql`, ${constant[name]}::jsonb`);
		await db.execute(
			sql`insert into ${sql.identifier(table)} (${sql.raw(names)}${sql.raw(extraNames)}) select ${sql.raw(names)}${sql.join(extraValues, sql.raw(''))} from jsonb_to_recordset(${chunk}::jsonb) as r(${sql.raw(definitions)})`
		);
	}
}

const responseColumns: Column[] = [
	['id', 'uuid'],
	['round_id', 'uuid'],
	['perspective', 'text'],
	['submitted_on', 'date'],
	['source', 'text'],
	['answers', 'jsonb'],
	['background', 'jsonb'],
	['learning', 'jsonb'],
	['open', 'jsonb'],
	['published_in', 'integer']
];

function responseRow(roundId: string, response: ScanResponse, submittedOn: string, publishedIn: number | null) {
	return {
		id: randomUUID(),
		round_id: roundId,
		perspective: response.perspective,
		submitted_on: submittedOn,
		source: 'survey',
		answers: response.answers,
		background: response.background,
		learning: response.learning,
		open: response.open,
		published_in: publishedIn
	};
}

const roundColumns: Column[] = [
	['id', 'uuid'],
	['firm_id', 'uuid'],
	['name', 'text'],
	['instrument_version', 'text'],
	['opens_on', 'date'],
	['closes_on', 'date'],
	['invited', 'integer'],
	['teams', 'jsonb'],
	['status', 'text'],
	['invite_mode', 'text'],
	['link_token', 'text'],
	['short_code', 'text'],
	['threshold', 'integer'],
	['open_answers_verbatim', 'boolean'],
	['created_at', 'timestamptz'],
	['closed_at', 'timestamptz']
];

/** Receipts of every survey response that has none yet, as the survey writes one per submission. */
async function addReceipts(db: Database) {
	await db.execute(sql`
		insert into submission_receipt (round_id, key_hash, received_on)
		select round_id, md5(id::text), submitted_on from scan_response r
		where perspective = 'employee' and source = 'survey'
		  and not exists (select 1 from submission_receipt s where s.round_id = r.round_id and s.key_hash = md5(r.id::text))`);
}

interface PlannedRound {
	id: string;
	firmId: string;
	employees: number;
	owner: boolean;
	opensOn: string;
	closesOn: string;
	status: 'open' | 'paused' | 'closed';
	cards: boolean;
	teams: string[];
	/** Employee responses each published version holds, in order (cumulative); empty when none was published. */
	versions: number[];
}

/** Employee responses per firm: most 5 to 40, one in twenty larger, scaled to add up to `total` (at the default sizes 91% of firms get 5 to 40, median 16). */
function responsesPerFirm(firms: number, total: number, random: () => number): number[] {
	const raw = Array.from({ length: firms }, () => (random() < 0.05 ? 41 + random() * 110 : 5 + random() ** 1.5 * 36));
	const sum = raw.reduce((a, b) => a + b, 0);
	const counts = raw.map((n) => Math.floor((n * total) / sum));
	let missing = total - counts.reduce((a, b) => a + b, 0);
	while (missing > 0) {
		counts[Math.floor(random() * firms)]! += 1;
		missing--;
	}
	return counts;
}

/** Versions a round would have: closed rounds published (once, or twice when large), open rounds often viewed once. */
function plannedVersions(employees: number, closed: boolean, random: () => number): number[] {
	if (employees < K) return [];
	if (closed) {
		const first = Math.max(K, Math.floor(employees / 2));
		return employees - first >= K && random() < 0.5 ? [first, employees] : [employees];
	}
	if (random() < 0.4) return [];
	const fresh = Math.min(employees - K, Math.floor(random() * K));
	return [employees - fresh];
}

/** The crowd: `size` less the measured firm (`measured`), so that the database holds `size` in all. */
export async function fillCrowd(db: Database, size: ScaleSize, today: string, measured: ScaleSize, seed = 1): Promise<void> {
	const random = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const crowd = { firms: size.firms - measured.firms, responses: size.responses - measured.responses };
	const perFirm = responsesPerFirm(crowd.firms, crowd.responses, random);
	const passwordHash = await hashPassword('een lang wachtwoord voor de menigte');

	const users: Record<string, unknown>[] = [];
	const accounts: Record<string, unknown>[] = [];
	const sessions: Record<string, unknown>[] = [];
	const firms: Record<string, unknown>[] = [];
	const members: Record<string, unknown>[] = [];
	const rounds: PlannedRound[] = [];
	const expires = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString();
	for (let i = 0; i < crowd.firms; i++) {
		const userId = randomUUID();
		const firmId = randomUUID();
		const employees = perFirm[i]!;
		users.push({ id: userId, name: `Eigenaar ${i + 1}`, email: `eigenaar-${i + 1}@schaal.example.nl`, email_verified: true });
		accounts.push({ id: randomUUID(), account_id: userId, provider_id: 'credential', user_id: userId, password: passwordHash });
		sessions.push({ id: randomUUID(), token: randomBytes(24).toString('base64url'), user_id: userId, expires_at: expires });
		const staff = Math.min(249, Math.max(employees + Math.floor(random() * 20), 3));
		firms.push({ id: firmId, slug: `bedrijf-${i + 1}`, name: `Bedrijf ${i + 1}`, sector: pick(SECTORS), size_class: sizeClassFor(staff), province: pick(PROVINCES), employees: staff });
		members.push({ firm_id: firmId, user_id: userId, role: 'owner' });
		if (random() < 0.1) {
			const managerId = randomUUID();
			users.push({ id: managerId, name: `Leidinggevende ${i + 1}`, email: `leiding-${i + 1}@schaal.example.nl`, email_verified: true });
			members.push({ firm_id: firmId, user_id: managerId, role: 'manager' });
		}

		const roll = random();
		const roundCount = roll < 0.7 ? 1 : roll < 0.92 ? 2 : 3;
		// Split the firm's responses over its rounds; the latest round is open in about half the firms.
		const weights = Array.from({ length: roundCount }, () => 0.3 + random());
		const weightSum = weights.reduce((a, b) => a + b, 0);
		let left = employees;
		const lastOpen = random() < 0.55;
		let opensOn = lastOpen ? addDays(today, -1 - Math.floor(random() * 25)) : addDays(today, -30 - Math.floor(random() * 170));
		const planned: PlannedRound[] = [];
		for (let r = roundCount - 1; r >= 0; r--) {
			const n = r === 0 ? left : Math.min(left, Math.round((employees * weights[r]!) / weightSum));
			left -= n;
			const open = r === roundCount - 1 && lastOpen;
			const closed = !open;
			const status = open ? (random() < 0.05 ? 'paused' : 'open') : 'closed';
			const closesOn = open ? addDays(today, 5 + Math.floor(random() * 25)) : addDays(opensOn, 28);
			planned.unshift({
				id: randomUUID(),
				firmId,
				employees: n,
				owner: random() < 0.7,
				opensOn,
				closesOn,
				status,
				cards: random() < 0.1,
				teams: pick(TEAMS),
				versions: plannedVersions(n, closed, random)
			});
			opensOn = addDays(opensOn, -150 - Math.floor(random() * 150));
		}
		rounds.push(...planned);
	}

	await insertRows(db, 'user', [['id', 'text'], ['name', 'text'], ['email', 'text'], ['email_verified', 'boolean']], users);
	await insertRows(db, 'account', [['id', 'text'], ['account_id', 'text'], ['provider_id', 'text'], ['user_id', 'text'], ['password', 'text']], accounts);
	await insertRows(db, 'session', [['id', 'text'], ['token', 'text'], ['user_id', 'text'], ['expires_at', 'timestamptz']], sessions);
	await insertRows(db, 'firm', [['id', 'uuid'], ['slug', 'text'], ['name', 'text'], ['sector', 'text'], ['size_class', 'text'], ['province', 'text'], ['employees', 'integer']], firms);
	await insertRows(db, 'firm_member', [['firm_id', 'uuid'], ['user_id', 'text'], ['role', 'text']], members);

	const roundRows = rounds.map((round, index) => ({
		id: round.id,
		firm_id: round.firmId,
		name: `Ronde ${round.opensOn}`,
		instrument_version: 'v1',
		opens_on: round.opensOn,
		closes_on: round.closesOn,
		invited: Math.max(round.employees + Math.floor(random() * 10), 1),
		teams: round.teams,
		status: round.status,
		invite_mode: round.cards ? 'cards' : 'link',
		link_token: randomBytes(32).toString('base64url'),
		short_code: `${index.toString(36)}${randomBytes(6).toString('hex')}`,
		threshold: K,
		open_answers_verbatim: random() < 0.5,
		created_at: `${round.opensOn}T08:00:00Z`,
		closed_at: round.status === 'closed' ? `${round.closesOn}T17:00:00Z` : null
	}));
	await insertRows(db, 'scan_round', roundColumns, roundRows);

	const cards: Record<string, unknown>[] = [];
	const codes = new Set<string>();
	for (const [index, round] of rounds.entries()) {
		if (!round.cards) continue;
		const invited = roundRows[index]!.invited;
		for (let c = 0; c < invited; c++) {
			let code: string;
			do code = randomBytes(8).toString('hex').toUpperCase().slice(0, 10);
			while (codes.has(code));
			codes.add(code);
			cards.push({ round_id: round.id, code, used_on: c < round.employees ? round.opensOn : null });
		}
	}
	await insertRows(db, 'round_card', [['round_id', 'uuid'], ['code', 'text'], ['used_on', 'date']], cards);

	// Responses round by round, written in chunks so memory stays small.
	let batch: Record<string, unknown>[] = [];
	const flush = async () => {
		await insertRows(db, 'scan_response', responseColumns, batch);
		batch = [];
	};
	for (const [index, round] of rounds.entries()) {
		const employees = sampleResponses(instrument, round.employees, 'employee', { seed: seed * 1_000_003 + index, teams: round.teams, openTexts: OPEN_TEXTS });
		const last = round.status === 'closed' ? round.closesOn : today;
		const span = Math.max(0, (Date.parse(last) - Date.parse(round.opensOn)) / 86_400_000);
		employees.forEach((response, j) => {
			const version = round.versions.findIndex((included) => j < included);
			batch.push(responseRow(round.id, response, addDays(round.opensOn, Math.floor((span * j) / Math.max(1, round.employees))), version === -1 ? null : version + 1));
		});
		if (round.owner) batch.push(responseRow(round.id, sampleResponses(instrument, 1, 'owner', { seed: index })[0]!, round.opensOn, null));
		if (batch.length >= ROWS_PER_STATEMENT * 5) await flush();
	}
	await flush();

	// Every crowd version stores the same report (built once from made-up answers, both languages): the
	// size of the stored JSON is what matters for the tables, not its figures.
	const template = JSON.stringify(
		buildReports(
			{ id: 'template', firmId: 'template', name: 'Sjabloon', instrumentVersion: 'v1', opensOn: today, closesOn: today, status: 'closed', invited: 25, teams: TEAMS[0]!, threshold: K, openAnswersVerbatim: true },
			sampleResponses(instrument, 20, 'employee', { seed: 99, teams: TEAMS[0], openTexts: OPEN_TEXTS }),
			sampleResponses(instrument, 1, 'owner', { seed: 98 }),
			0
		)
	);
	const versions: Record<string, unknown>[] = [];
	for (const round of rounds) {
		round.versions.forEach((included, v) =>
			versions.push({ round_id: round.id, version: v + 1, included_responses: included, owner_responses: round.owner ? 1 : 0, published_on: addDays(round.opensOn, 7 * (v + 1)) })
		);
	}
	await insertRows(db, 'report_version', [['round_id', 'uuid'], ['version', 'integer'], ['included_responses', 'integer'], ['owner_responses', 'integer'], ['published_on', 'date']], versions, { report: template });
}

/**
 * The firm whose pages are measured, the same in the empty and the full database: an owner who signs in
 * with a password, a closed round of 18 responses with its published report, and the open round of 25
 * responses (open answers shown word for word) whose report is published as the owner first looks at it.
 */
export async function fillMeasuredFirm(db: Database, today: string): Promise<MeasuredFirm> {
	const email = 'eigenaar@meetbedrijf.example.nl';
	const password = 'een lang wachtwoord';
	const userId = randomUUID();
	await insertRows(db, 'user', [['id', 'text'], ['name', 'text'], ['email', 'text'], ['email_verified', 'boolean']], [{ id: userId, name: 'Olga Eigenaar', email, email_verified: true }]);
	await insertRows(db, 'account', [['id', 'text'], ['account_id', 'text'], ['provider_id', 'text'], ['user_id', 'text'], ['password', 'text']], [
		{ id: randomUUID(), account_id: userId, provider_id: 'credential', user_id: userId, password: await hashPassword(password) }
	]);
	const firmId = randomUUID();
	const slug = 'meetbedrijf';
	await insertRows(db, 'firm', [['id', 'uuid'], ['slug', 'text'], ['name', 'text'], ['sector', 'text'], ['size_class', 'text'], ['province', 'text'], ['employees', 'integer']], [
		{ id: firmId, slug, name: 'Meetbedrijf Schaal BV', sector: 'installatie', size_class: '10-49', province: 'utrecht', employees: 30 }
	]);
	await insertRows(db, 'firm_member', [['firm_id', 'uuid'], ['user_id', 'text'], ['role', 'text']], [{ firm_id: firmId, user_id: userId, role: 'owner' }]);

	const teams = ['Werkplaats', 'Winkel', 'Kantoor'];
	const spring = { id: randomUUID(), employees: 18, opensOn: addDays(today, -200), closesOn: addDays(today, -172), status: 'closed' as const };
	const autumn = { id: randomUUID(), employees: 25, opensOn: addDays(today, -10), closesOn: addDays(today, 20), status: 'open' as const };
	const rounds = [spring, autumn];
	await insertRows(
		db,
		'scan_round',
		roundColumns,
		rounds.map((round, index) => ({
			id: round.id,
			firm_id: firmId,
			name: index === 0 ? 'Voorjaar' : 'Najaar',
			instrument_version: 'v1',
			opens_on: round.opensOn,
			closes_on: round.closesOn,
			invited: 30,
			teams,
			status: round.status,
			invite_mode: 'link',
			link_token: randomBytes(32).toString('base64url'),
			short_code: `meet${index}${randomBytes(6).toString('hex')}`,
			threshold: K,
			open_answers_verbatim: true,
			created_at: `${round.opensOn}T08:00:00Z`,
			closed_at: round.status === 'closed' ? `${round.closesOn}T17:00:00Z` : null
		}))
	);
	const rows = rounds.flatMap((round, index) => [
		...sampleResponses(instrument, round.employees, 'employee', { seed: 4242 + index, teams, openTexts: OPEN_TEXTS }).map((r, j) => responseRow(round.id, r, addDays(round.opensOn, j % 10), null)),
		responseRow(round.id, sampleResponses(instrument, 1, 'owner', { seed: 4343 + index })[0]!, round.opensOn, null)
	]);
	await insertRows(db, 'scan_response', responseColumns, rows);
	// Published by the application's own rule, as when the owner opened each report before.
	for (const round of rounds) {
		const found = await findReportRound(db, firmId, round.id);
		if (!found) throw new Error('the measured round is missing');
		await publishRoundReport(db, found, today);
	}
	return { slug, email, password, roundId: autumn.id, employeeResponses: spring.employees + autumn.employees };
}

/** Fills the database: the crowd (when `size` is given) and then the measured firm; receipts for all. */
export async function fillScaleDatabase(db: Database, size: ScaleSize | null, today: string): Promise<MeasuredFirm> {
	if (size) await fillCrowd(db, size, today, { firms: 1, responses: 18 + 25 });
	const measured = await fillMeasuredFirm(db, today);
	await addReceipts(db);
	return measured;
}

export async function rowCounts(db: Database): Promise<RowCounts> {
	const tables = ['user', 'session', 'firm', 'firm_member', 'scan_round', 'round_card', 'scan_response', 'submission_receipt', 'report_version'];
	const counts: RowCounts = {};
	for (const table of tables) {
		const result = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
		const rows = Array.isArray(result) ? result : (result.rows ?? []);
		counts[table] = Number(rows[0]?.n ?? 0);
	}
	return counts;
}
