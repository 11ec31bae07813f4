// With the embedded database, PostgreSQL runs inside the server's process: its WebAssembly memory (128 MB, of
// which some 50 MB in use) and compiled code sit beside the JavaScript heap, within the same 500 MB. Under a
// burst of survey posts V8 lets its old generation grow to up to four times what is live before a full
// collection (its default on a machine with memory to spare): with a hundred posts in flight, each waiting for
// the group commit, most of what a post allocates is promoted, and a heap of 60 to 90 MB live grew to 330 MB
// (docs/performance.md, "PGlite memory under survey load"). Growing by 30% keeps it near what is live, with
// more, smaller full collections; it caps nothing, so a large report still gets the memory it needs.
import { setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';
const HEAP_GROWING_PERCENT = 30;

/** For the server on the embedded database, once at start; a value given on Node's command line wins. */
export function keepHeapCloseToLive(): void {
	if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return;
	setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
