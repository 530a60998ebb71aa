/**
 * Issue 10 item 17: the HSDS 3.0 API as a directory reads it — the route handlers called as
 * SvelteKit calls them, as anon, on the demo town: the API root, one service by id, the
 * organization_id and modified_after filters, uuid ids for every nested object, taxonomy term
 * names, and postal codes only where the place's disclosure publishes its full address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANON } from '../../src/lib/server/platform/db/index';
import { openTestDb, requestLocals, routeEvent, type TestDb } from './helpers';

type Handler = (event: unknown) => Promise<Response>;
const route = async (path: string) => (await import(/* @vite-ignore */ path)) as { GET: Handler };

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

/** A request as the session hook leaves it for a signed-out visitor. */
const anonEvent = (path: string, params: Record<string, string> = {}) => routeEvent(requestLocals(db, ANON), path, { params });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROOT = '../../src/routes/api/hsds/+server.ts';
const LIST = '../../src/routes/api/hsds/services/+server.ts';
const ONE = '../../src/routes/api/hsds/services/[id]/+server.ts';

async function list(query: string) {
	const res = await (await route(LIST)).GET(anonEvent(`/api/hsds/services?${query}`));
	return { status: res.status, body: await res.json() };
}
async function one(id: string) {
	const res = await (await route(ONE)).GET(anonEvent(`/api/hsds/services/${id}`, { id }));
	return { status: res.status, body: await res.json() };
}

interface Pick {
	id: string;
	disclosure: string;
	organizationId: string | null;
}
const published = (disclosure: string) =>
	db.system((tx) =>
		tx.query<Pick>(
			`select p.id, p.disclosure::text as disclosure, p.organization_id as "organizationId"
			 from public.places p join public.place_locations l on l.place_id = p.id
			 where p.status = 'published' and p.disclosure = $1 and p.organization_id is not null order by p.id limit 1`,
			[disclosure]
		)
	);

/** Every `id` (and `*_id`) anywhere in a JSON value. */
function ids(v: unknown, out: [string, unknown][] = [], key = ''): [string, unknown][] {
	if (Array.isArray(v)) v.forEach((x) => ids(x, out, key));
	else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) ids(x, out, k);
	else if (key === 'id' || key.endsWith('_id')) out.push([key, v]);
	return out;
}

describe('HSDS 3.0 API (issue 10 item 17)', () => {
	it('the API root names the HSDS version and profile', async () => {
		const res = await (await route(ROOT)).GET(anonEvent('/api/hsds'));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.version).toBe('3.0');
		expect(() => new URL(body.profile)).not.toThrow();
	});

	it('/services/{id} answers one service with its nested objects; unknown → 404, not a uuid → 400 naming id', async () => {
		const [exact] = await published('exact');
		const { status, body } = await one(exact.id);
		expect(status).toBe(200);
		expect(body.id).toBe(exact.id);
		expect(body.organization.id).toBe(exact.organizationId);
		expect(body.service_at_locations).toHaveLength(1);
		expect(body.attributes.length).toBeGreaterThan(0);

		const missing = await one('00000000-0000-4000-8000-000000000000');
		expect(missing.status).toBe(404);
		expect(missing.body.error).toBe('not_found');

		const bad = await one('place-123');
		expect(bad.status).toBe(400);
		expect(bad.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual(['id']);
	});

	it('a place that is not published is not served by id', async () => {
		const [p] = await published('exact');
		await db.system((tx) => tx.query(`update public.places set status = 'draft' where id = $1`, [p.id]));
		expect((await one(p.id)).status).toBe(404);
		await db.system((tx) => tx.query(`update public.places set status = 'published' where id = $1`, [p.id]));
	});

	it('organization_id filters /services; a bad value → 400 naming it', async () => {
		const [p] = await published('exact');
		const [{ n }] = await db.system((tx) =>
			tx.query<{ n: number }>(`select count(*)::int as n from public.places where status = 'published' and organization_id = $1`, [
				p.organizationId
			])
		);
		const all = await list('per_page=100');
		expect(all.body.total_items).toBeGreaterThan(n);
		const { status, body } = await list(`organization_id=${p.organizationId}&per_page=100`);
		expect(status).toBe(200);
		expect(body.total_items).toBe(n);
		expect(body.contents.every((s: { organization_id: string }) => s.organization_id === p.organizationId)).toBe(true);

		const bad = await list('organization_id=acme');
		expect(bad.status).toBe(400);
		expect(bad.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual(['organization_id']);
	});

	it('modified_after filters /services; a bad value → 400 naming it', async () => {
		const [{ latest }] = await db.system((tx) =>
			tx.query<{ latest: Date }>(
				// the API reads milliseconds; the database keeps microseconds
				`select date_trunc('milliseconds', max(updated_at)) + interval '1 millisecond' as latest from public.places`
			)
		);
		const before = await list(`modified_after=${encodeURIComponent(latest.toISOString())}`);
		expect(before.status).toBe(200);
		expect(before.body.total_items).toBe(0);

		const [p] = await published('exact');
		await db.system((tx) => tx.query(`update public.places set summary = coalesce(summary, '') || ' ' where id = $1`, [p.id]));
		const after = await list(`modified_after=${encodeURIComponent(latest.toISOString())}`);
		expect(after.body.contents.map((s: { id: string }) => s.id)).toEqual([p.id]);
		expect((await list('modified_after=2000-01-01')).body.total_items).toBeGreaterThan(1);

		for (const value of ['yesterday', '2026-13-01', '2026-04-01T25:00:00Z']) {
			const bad = await list(`modified_after=${encodeURIComponent(value)}`);
			expect(bad.status, value).toBe(400);
			expect(bad.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual(['modified_after']);
		}
	});

	it('every id, nested ones too, is a uuid, the same on every read; taxonomy terms have a name', async () => {
		const { body } = await list('per_page=100');
		const found = ids(body.contents);
		expect(found.length).toBeGreaterThan(body.contents.length * 4);
		for (const [key, value] of found) if (value !== null) expect(value, key).toMatch(UUID);
		const [s] = body.contents;
		expect(s.service_at_locations[0]?.location.id ?? s.phones[0]?.id).toMatch(UUID);
		expect((await list('per_page=100')).body).toEqual(body);

		const category = s.attributes[0].taxonomy_term;
		expect(category.name).toBeTruthy();
		expect(category.name).not.toBe(category.code);
		// the same term has the same id in every service that carries it
		const byCode = new Map<string, string>();
		for (const svc of body.contents)
			for (const a of svc.attributes) {
				const t = a.taxonomy_term;
				expect(byCode.get(`${t.taxonomy}:${t.code}`) ?? t.id).toBe(t.id);
				byCode.set(`${t.taxonomy}:${t.code}`, t.id);
			}
	});

	it('addresses carry the postal code of an exact place only', async () => {
		const [exact] = await published('exact');
		const [approximate] = await published('approximate');
		await db.system((tx) =>
			tx.query(`update public.place_locations set postal_code = '420-0853' where place_id = any ($1::uuid[])`, [[exact.id, approximate.id]])
		);
		const e = (await one(exact.id)).body;
		expect(e.service_at_locations[0].location.addresses[0].postal_code).toBe('420-0853');
		const a = (await one(approximate.id)).body;
		expect(a.service_at_locations[0].location.addresses[0].postal_code ?? null).toBeNull();
		expect(JSON.stringify(a)).not.toContain('420-0853');
	});
});
