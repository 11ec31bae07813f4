// `npm run bench`: every benchmark in turn, each printing its figures, with the machine they ran on.
// PostgreSQL runs too when LEERKOMPAS_BENCH_DATABASE_URL (or TEST_DATABASE_URL) points at a server (a fresh database is made
// there and dropped afterwards). Only 127.0.0.1 is contacted. Nothing here asserts; the figures go into
// docs/performance.md by hand, with the command and the machine.
import { cpus, loadavg, totalmem } from 'node:os';
import { runPages } from './pages';
import { runKnowledgeSearch } from './knowledge-search';
import { runReport } from './report';
import { runScale } from './scale';
import { runSurveyLoad } from './survey-load';

function machine(): string {
	const cpu = cpus();
	return [
		`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}, ${new Date().toISOString()}`,
		`Load average before the run: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (anything well above 0 means other work shared the CPU)`
	].join('\n');
}

const parts = [machine()];
console.log(parts[0]);
console.log('\nRespondent pages…');
parts.push(await runPages());
console.log('Survey submissions under load…');
parts.push(await runSurveyLoad());
console.log('Scale: the owner\u2019s pages on a full database against an empty one…');
parts.push(await runScale());
console.log('Report building…');
parts.push(runReport());
console.log('Knowledge-base search…');
parts.push(await runKnowledgeSearch());
parts.push(`Load average after the run: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
console.log(`\n${parts.join('\n\n')}`);
