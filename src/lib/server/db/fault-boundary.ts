// Lets the server turn every error of a query into an error of its own choosing (a 503 page when the database
// is unreachable or cannot write) at the one place all queries pass: the Drizzle session of this handle. The
// queries inside a transaction are not wrapped one by one; their error surfaces where the transaction ends.
// Drizzle has no hook for this, so the session's two entry points are wrapped on this one instance.
import type { Database } from './client';

type Run = (...args: unknown[]) => Promise<unknown>;

interface SessionEntryPoints {
	prepareQuery(...args: unknown[]): { execute?: Run; all?: Run };
	transaction: Run;
}

const wrapped = new WeakSet<object>();

function guard(run: Run, self: object, onError: (error: unknown) => never): Run {
	return async (...args) => {
		try {
			return await run.apply(self, args);
		} catch (e) {
			onError(e);
		}
	};
}

/** From now on, every failed query or transaction of `db` throws what `onError` throws instead. */
export function routeDatabaseErrors(db: Database, onError: (error: unknown) => never): void {
	const session = db._.session as unknown as SessionEntryPoints;
	if (wrapped.has(session)) throw new Error('routeDatabaseErrors: this database already routes its errors');
	wrapped.add(session);
	const prepareQuery = session.prepareQuery.bind(session);
	session.prepareQuery = (...args) => {
		const prepared = prepareQuery(...args);
		if (prepared.execute) prepared.execute = guard(prepared.execute, prepared, onError);
		if (prepared.all) prepared.all = guard(prepared.all, prepared, onError);
		return prepared;
	};
	session.transaction = guard(session.transaction, session, onError);
}
