// Runs after `npm install` (before prepare.js): fixes a bug in the PostgreSQL driver (postgres.js 3.4.9, the
// newest release) that takes the whole server down when a connection is lost in the middle of a transaction.
// The driver then sends the ROLLBACK on a connection whose socket it has already dropped, from a timer where
// no code can catch the TypeError ("Cannot read properties of null (reading 'write')"); and a connection
// closed with a write pending keeps a stale timer, so after it reconnects nothing it writes is ever sent.
// Upstream: porsager/postgres issues 1154, 1208 and pull requests 1168, 1209. The fault test
// tests/faults/lost-connection.test.ts fails without this. Remove it once a release has the fix: the script
// then finds nothing to change and says so.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = 'leerkompas-patch';
const FILES = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

const EDITS = [
	{
		// A write on a closed connection fails its queries at once, as a closed connection should.
		find: '  function write(x, fn) {\n',
		replace: `  function write(x, fn) {\n    if (!socket) // ${MARK}: closed meanwhile, see scripts/patch-dependencies.js\n      return error(Errors.connection('CONNECTION_CLOSED', options)), false\n`,
		times: 1
	},
	{
		// Closing forgets a pending write, so that the next write after a reconnect schedules its own.
		find: '    clearImmediate(nextWriteTimer)\n',
		replace: `    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // ${MARK}\n`,
		times: 2
	}
];

function count(text, part) {
	return text.split(part).length - 1;
}

export function patchPostgres(root = 'node_modules/postgres') {
	if (!existsSync(join(root, 'package.json'))) return;
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	for (const file of FILES.map((f) => join(root, f)).filter((f) => existsSync(f))) {
		let text = readFileSync(file, 'utf8');
		if (text.includes(MARK)) continue;
		if (!EDITS.every((edit) => count(text, edit.find) === edit.times)) {
			console.log(`postgres ${version}: ${file} is not the code this patch was made for; left as it is (see scripts/patch-dependencies.js).`);
			continue;
		}
		for (const edit of EDITS) text = text.split(edit.find).join(edit.replace);
		writeFileSync(file, text);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) patchPostgres();
