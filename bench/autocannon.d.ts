// The part of autocannon 8 the benchmarks use (the package ships no types).
declare module 'autocannon' {
	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			// Method syntax: each benchmark gives the per-connection context its own type.
			setupRequest?(req: Request, context: unknown): Request | null | undefined;
			onResponse?(status: number, body: string, context: unknown, headers: Record<string, string | string[]>): void;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			timeout?: number;
			method?: string;
			headers?: Record<string, string>;
			requests?: Request[];
		}
		interface Histogram {
			average: number;
			p50: number;
			p99: number;
			mean: number;
		}
		interface Result {
			requests: Histogram;
			latency: Histogram;
			errors: number;
			timeouts: number;
			non2xx: number;
			'2xx': number;
		}
	}
	function autocannon(options: autocannon.Options, callback: (err: Error | null, result: autocannon.Result) => void): unknown;
	export default autocannon;
}
