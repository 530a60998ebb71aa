/**
 * Issue 9: staff section loads, actions and endpoints that refuse a user run no query but the
 * guard's own. SvelteKit runs a page's load beside its layouts' and runs actions and endpoints
 * with no layout, so each must refuse by itself. Every module under src/routes/(staff) is found
 * here by itself, so a new page is covered the day it is added; each is called as SvelteKit calls
 * it, on the real database, with a `locals.db` that records every statement.
 */
import crypto from 'node:crypto';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims, type Claims, type Tx } from '../../src/lib/server/platform/db/index';
import { openTestDb, routeEvent, type TestDb } from './helpers';
import { claimsOf, type Actor } from './world';

type Handler = (event: unknown) => Promise<unknown>;
interface RouteModule {
	load?: Handler;
	GET?: Handler;
	actions?: Record<string, Handler>;
}

const modules = import.meta.glob<RouteModule>(['../../src/routes/**/+page.server.ts', '../../src/routes/**/+server.ts']);
const staffModules = Object.keys(modules).filter((k) => k.includes('/(staff)/'));

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

/** A request as the session hook leaves it, with the statements of every transaction written down
 * (after withClaims has set the role and claims). */
function requestAs(claims: Claims, method: 'GET' | 'POST', path: string) {
	const transactions: string[][] = [];
	const locals = {
		claims,
		requestId: 'test',
		db: <T>(fn: (tx: Tx) => Promise<T>) => {
			const statements: string[] = [];
			transactions.push(statements);
			return withClaims(db.driver, claims, (tx) =>
				fn({
					query: (sql, params) => {
						statements.push(sql);
						return tx.query(sql, params);
					}
				} as Tx)
			);
		}
	} as App.Locals;
	const id = crypto.randomUUID();
	const event = {
		...routeEvent(locals, path, { method, params: { id, requestId: id, suggestionId: id } }),
		parent: () => Promise.reject(new Error('a staff load must not wait on its layout for its guard'))
	};
	return { event, transactions };
}

/** How a handler ended: where a redirect sent the user, or the status it refused with. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'ran';
	} catch (e) {
		if (isRedirect(e)) return `redirect ${new URL(e.location, 'http://localhost').pathname}`;
		if (isHttpError(e)) return `${e.status}`;
		throw e;
	}
}

/** Every handler of every staff module, with the path it answers. */
async function handlers(): Promise<{ name: string; path: string; method: 'GET' | 'POST'; run: Handler }[]> {
	const out = [];
	for (const key of staffModules) {
		const mod = await modules[key]();
		const path = key
			.replace(/^.*\/\(staff\)/, '')
			.replace(/\/\+(page\.server|server)\.ts$/, '')
			.replace(/\[\w+\]/g, crypto.randomUUID());
		if (mod.load) out.push({ name: `load ${path}`, path, method: 'GET' as const, run: mod.load });
		if (mod.GET) out.push({ name: `GET ${path}`, path, method: 'GET' as const, run: mod.GET });
		for (const [action, run] of Object.entries(mod.actions ?? {}))
			out.push({ name: `action ${action} ${path}`, path, method: 'POST' as const, run });
	}
	return out;
}

/** Roles read once, and nothing else: the only statements a refused request may run. */
const GUARD_ONLY = [['user_municipality_ids']];
const shape = (transactions: string[][]) =>
	transactions.map((t) => t.map((sql) => (sql.includes('user_municipality_ids') ? 'user_municipality_ids' : sql)));

describe('staff guards refuse before any query', () => {
	it('finds the staff pages, actions and endpoints', async () => {
		const all = await handlers();
		expect(all.length).toBeGreaterThan(20);
		expect(all.map((h) => h.name)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^load \/moderation$/), expect.stringMatching(/^GET \/participation\/numbers\.csv$/)])
		);
	});

	it('a signed-out visitor is sent to sign in, and the database is not asked anything', async () => {
		for (const h of await handlers()) {
			const { event, transactions } = requestAs(claimsOf('anon'), h.method, h.path);
			expect(await outcome(() => h.run(event)), h.name).toBe('redirect /auth/sign-in');
			expect(transactions, h.name).toEqual([]);
		}
	});

	const refused: [string, Actor, 'aal1' | 'aal2', RegExp][] = [
		['a volunteer (no municipal role)', 'volunteer', 'aal2', /./],
		['a coordinator, in moderation', 'coordinator', 'aal2', /^\/moderation/],
		['a moderator, in 参加支援', 'moderator', 'aal2', /^\/participation/],
		['a coordinator without a second factor, posting to 参加支援', 'coordinator', 'aal1', /^action .* \/participation/]
	];
	for (const [who, actor, aal, scope] of refused) {
		it(`${who} is refused after reading the roles once, and nothing else`, async () => {
			const hs = (await handlers()).filter((h) => scope.test(h.path) || scope.test(h.name));
			expect(hs.length).toBeGreaterThan(0);
			for (const h of hs) {
				const { event, transactions } = requestAs(claimsOf(actor, aal), h.method, h.path);
				expect(await outcome(() => h.run(event)), h.name).toBe('403');
				expect(shape(transactions), h.name).toEqual(GUARD_ONLY);
			}
		});
	}

	it('the same guard lets the right person through to the page’s own queries', async () => {
		const mod = await modules['../../src/routes/(staff)/moderation/+page.server.ts']();
		const { event, transactions } = requestAs(claimsOf('moderator'), 'GET', '/moderation');
		const data = (await mod.load!(event)) as { queue: unknown[] };
		expect(Array.isArray(data.queue)).toBe(true);
		expect(transactions.length).toBe(2);
		expect(shape(transactions)[0]).toEqual(GUARD_ONLY[0]);
	});
});
