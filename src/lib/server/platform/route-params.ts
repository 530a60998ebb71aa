/** Small helpers shared by the registration routes. */
import { error } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route parameter that must be a uuid (404 otherwise, before any query). */
export function uuidParam(value: string): string {
	if (!UUID.test(value)) error(404);
	return value.toLowerCase();
}

export const isUuid = (value: string) => UUID.test(value);

/** The SQLSTATE of a database error, if it is one. */
export function sqlStateOf(e: unknown): string | null {
	const code = (e as { code?: unknown })?.code;
	return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** Runs fn; returns the SQLSTATE of a database refusal instead of throwing it. */
export async function refused<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; state: string }> {
	try {
		return { ok: true, value: await fn() };
	} catch (e) {
		const state = sqlStateOf(e);
		if (!state) throw e;
		return { ok: false, state };
	}
}
