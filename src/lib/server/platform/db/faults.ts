/**
 * Which database failures are passing: the server restarted or failed over, a connection broke,
 * every connection was busy, a statement ran out of time. For these the user is asked to try again
 * (nothing was saved: the transaction rolled back); anything else is a bug and is logged as one.
 */

/** SQLSTATE classes and codes of a failure that a retry may not meet. */
const TRANSIENT_STATES = [
	/^08/, // connection exception
	/^57P0[123]$/, // admin_shutdown, crash_shutdown, cannot_connect_now: a restart or failover
	/^53300$/, // too_many_connections
	/^40001$/, // serialization_failure
	/^40P01$/ // deadlock_detected
];
/** What the OS and node-postgres say when the connection itself went away or never came. */
const TRANSIENT_SOCKET = /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)$/;
const TRANSIENT_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /connection error and is not queryable/i];

export type Transient = 'unavailable' | 'timeout';

export function transientKind(error: unknown): Transient | null {
	if (!(error instanceof Error)) return null;
	const code = (error as { code?: unknown }).code;
	if (code === '57014') return 'timeout'; // query_canceled: statement_timeout
	if (typeof code === 'string' && (TRANSIENT_SOCKET.test(code) || TRANSIENT_STATES.some((s) => s.test(code)))) return 'unavailable';
	if (TRANSIENT_MESSAGES.some((s) => s.test(error.message))) return 'unavailable';
	return null;
}
