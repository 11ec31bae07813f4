// Stands in for a running server in the CLI tests: holds the data-folder lock until it is killed.
import { acquireDataDirLock } from '../../src/lib/server/db/lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-lock.ts DATA_DIR');
acquireDataDirLock(dir, 'server');
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
