/**
 * One JSON line per request on stdout: a request id (also sent as `x-request-id` and shown on
 * error pages, so a user can quote it), the route pattern, status and duration. The route is the
 * pattern (`/(public)/host-reply/[token]`), never the path: paths carry tokens and ids, queries
 * carry what people typed. No name, note, token, cookie or query is ever written.
 */
import { randomUUID } from 'node:crypto';

export interface RequestLine {
	time: string;
	level: 'info' | 'warn' | 'error';
	requestId: string;
	method: string;
	route: string | null;
	status: number;
	durationMs: number;
}

export const newRequestId = (): string => randomUUID();

/** A request id from a proxy in front of us is kept when it looks like one (no free text). */
export function requestIdFrom(header: string | null): string {
	return header && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : newRequestId();
}

export function requestLine(r: {
	requestId: string;
	method: string;
	route: string | null;
	status: number;
	startedAt: number;
	now?: number;
}): RequestLine {
	const now = r.now ?? performance.now();
	return {
		time: new Date().toISOString(),
		level: r.status >= 500 ? 'error' : r.status >= 400 ? 'warn' : 'info',
		requestId: r.requestId,
		method: r.method,
		route: r.route,
		status: r.status,
		durationMs: Math.round((now - r.startedAt) * 10) / 10
	};
}

export function writeRequestLine(line: RequestLine): void {
	if (process.env.REQUEST_LOG === 'off') return;
	process.stdout.write(JSON.stringify(line) + '\n');
}

/** What the log keeps of an error: its kind, SQLSTATE and where it was thrown — not its message,
 * which can quote a value (PostgreSQL's "Key (email)=(…)"). */
export function errorForLog(error: unknown) {
	if (!(error instanceof Error)) return { error: typeof error };
	const code = (error as { code?: unknown }).code;
	const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
	return { error: error.name, code: typeof code === 'string' ? code : undefined, frames: frames.slice(0, 10).map((l) => l.trim()) };
}
