// What the server does when the database cannot be reached or cannot write: one line in the log, and a 503
// page that says what happened, that nothing saved before is lost, and to try again later. Never a 500.
import { error } from '@sveltejs/kit';
import * as m from '../paraglide/messages.js';
import { classifyDatabaseError, describeDatabaseFault, type DatabaseFault } from './db/errors';

export function databaseFaultMessage(fault: DatabaseFault): string {
	return fault.kind === 'cannot_write' ? m.common_error_cannot_save() : m.common_error_unavailable();
}

/**
 * For routeDatabaseErrors: a database fault becomes a 503 (SvelteKit's `error`, so the page's error view shows
 * the message), any other error goes on as it was. handleError cannot change the status, hence this.
 */
export function databaseFaultsAs503(log: (line: string) => void = (line) => console.error(line)): (e: unknown) => never {
	return (e) => {
		const fault = classifyDatabaseError(e);
		if (!fault) throw e;
		log(describeDatabaseFault(fault));
		error(503, { message: databaseFaultMessage(fault) });
	};
}
