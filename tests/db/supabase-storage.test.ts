/**
 * Another organisation's photo is refused before Supabase Storage is asked. The bucket is private
 * and the adapter holds the service key, so Storage itself would hand out any object: the rule is
 * the photo route's, which reads the photo's row under RLS first (place_photos policies) and
 * asks the storage only for a row the caller may see. Run on the real database with the Storage
 * stand-in (the one mock), the route called as SvelteKit calls it.
 */
import crypto from 'node:crypto';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims, type Claims, type Tx } from '../../src/lib/server/platform/db/index';
import type { Services } from '../../src/lib/server/platform/services';
import { startStorageStandIn, type StorageStandIn } from '../../src/lib/server/platform/storage/storage-stand-in';
import { createSupabaseStorage } from '../../src/lib/server/platform/storage/supabase';
import { GET } from '../../src/routes/(public)/photos/[photoId]/+server';
import { openTestDb, type TestDb } from './helpers';
import { ORG_OWN, buildWorld, claimsOf, type Actor } from './world';

const BUCKET = 'place-photos';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7, 0xff, 0xd9]);
const servicesKey = Symbol.for('tsunagari-map.services');
type WithServices = typeof globalThis & { [servicesKey]?: Promise<Services> };

let db: TestDb;
let storage: StorageStandIn;
let photoId: string;
let key: string;
let before: Promise<Services> | undefined;

beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
	storage = await startStorageStandIn({ buckets: [BUCKET] });
	const adapter = createSupabaseStorage({ url: storage.url, serviceKey: storage.serviceKey, bucket: BUCKET });
	const g = globalThis as WithServices;
	before = g[servicesKey];
	g[servicesKey] = Promise.resolve({ driver: db.driver, storage: adapter } as unknown as Services);

	// an unapproved photo of the volunteer's organisation's place, as the upload action leaves it
	photoId = crypto.randomUUID();
	await db.system(async (tx: Tx) => {
		const [place] = await tx.query<{ id: string }>('select id from public.places where organization_id = $1 order by id limit 1', [
			ORG_OWN
		]);
		key = `photos/${place.id}/${photoId}.jpg`;
		await tx.query(
			`insert into public.place_photos (id, place_id, organization_id, municipality_id, storage_key, content_type, width, height, bytes, caption)
			 select $1, id, organization_id, municipality_id, $3, 'image/jpeg', 4, 3, $4, '玄関' from public.places where id = $2`,
			[photoId, place.id, key, JPEG.length]
		);
	});
	await adapter.put(key, JPEG, 'image/jpeg');
});
afterAll(async () => {
	(globalThis as WithServices)[servicesKey] = before;
	await storage?.close();
	await db?.close();
});

/** GET /photos/{id} as `actor`: the status, the bytes, and what Storage was asked. */
async function view(actor: Actor) {
	const claims: Claims = claimsOf(actor);
	storage.requests.length = 0;
	const event = {
		params: { photoId },
		locals: { claims, db: <T>(fn: (tx: Tx) => Promise<T>) => withClaims(db.driver, claims, fn) }
	} as unknown as Parameters<typeof GET>[0];
	try {
		const res = await GET(event);
		return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), asked: [...storage.requests] };
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, body: null, asked: [...storage.requests] };
		throw e;
	}
}

describe('a photo in Supabase Storage, through the photo route', () => {
	it('a member of the organisation gets the bytes, fetched with the service key', async () => {
		const seen = await view('volunteer');
		expect(seen.status).toBe(200);
		expect(seen.body).toEqual(JPEG);
		expect(seen.asked).toEqual([{ method: 'GET', path: `/object/${BUCKET}/${key}`, role: 'service_role' }]);
	});

	it('another organisation, another town and the public are refused, and Storage is never asked', async () => {
		for (const actor of ['otherVolunteer', 'foreignModerator', 'outsider', 'anon'] as Actor[]) {
			const seen = await view(actor);
			expect({ actor, status: seen.status, asked: seen.asked }).toEqual({ actor, status: 404, asked: [] });
		}
	});
});
