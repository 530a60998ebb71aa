/**
 * Another organisation's photo is refused before Supabase Storage is asked. The bucket is private
 * and the adapter holds the service key, so Storage itself would hand out any object: the rule is
 * the photo route's, which reads the photo's row under RLS first (place_photos policies) and
 * asks the storage only for a row the caller may see. Run on the real database with the Storage
 * stand-in (the one mock), the route called as SvelteKit calls it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims, type Claims, type Tx } from '../../src/lib/server/platform/db/index';
import type { Services } from '../../src/lib/server/platform/services';
import { startStorageStandIn, type StorageStandIn } from '../../src/lib/server/platform/storage/storage-stand-in';
import type { Storage } from '../../src/lib/server/platform/storage/index';
import { createLocalStorage } from '../../src/lib/server/platform/storage/local';
import { createSupabaseStorage } from '../../src/lib/server/platform/storage/supabase';
import { GET } from '../../src/routes/(public)/photos/[photoId]/+server';
import { actions } from '../../src/routes/(account)/account/places/[placeId]/photos/+page.server';
import { openTestDb, type TestDb } from './helpers';
import { ORG_OWN, buildWorld, claimsOf, type Actor } from './world';

const BUCKET = 'place-photos';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7, 0xff, 0xd9]);
const servicesKey = Symbol.for('tsunagari-map.services');
type WithServices = typeof globalThis & { [servicesKey]?: Promise<Services> };

let db: TestDb;
let storage: StorageStandIn;
let photoId: string;
let placeId: string;
let key: string;
let before: Promise<Services> | undefined;

function useStorage(adapter: Storage) {
	(globalThis as WithServices)[servicesKey] = Promise.resolve({ driver: db.driver, storage: adapter } as unknown as Services);
}

beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
	storage = await startStorageStandIn({ buckets: [BUCKET] });
	const adapter = createSupabaseStorage({ url: storage.url, serviceKey: storage.serviceKey, bucket: BUCKET });
	before = (globalThis as WithServices)[servicesKey];
	useStorage(adapter);

	// an unapproved photo of the volunteer's organisation's place, as the upload action leaves it
	photoId = crypto.randomUUID();
	await db.system(async (tx: Tx) => {
		const [place] = await tx.query<{ id: string }>('select id from public.places where organization_id = $1 order by id limit 1', [
			ORG_OWN
		]);
		placeId = place.id;
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

/** POST ?/upload as `actor`, with a real image and the photo id the form carries. */
async function upload(actor: Actor, id: string) {
	const claims: Claims = claimsOf(actor);
	const image = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c04000' } })
		.jpeg()
		.toBuffer();
	const form = new FormData();
	form.set('id', id);
	form.set('caption', '入口の様子');
	form.set('faces_ok', 'on');
	form.set('photo', new File([new Uint8Array(image)], 'photo.jpg', { type: 'image/jpeg' }));
	const url = new URL(`http://localhost/account/places/${placeId}/photos?/upload`);
	const event = {
		params: { placeId },
		url,
		request: new Request(url, { method: 'POST', body: form }),
		locals: { claims, db: <T>(fn: (tx: Tx) => Promise<T>) => withClaims(db.driver, claims, fn) }
	} as unknown as Parameters<typeof actions.upload>[0];
	try {
		const result = await actions.upload(event);
		return isActionFailure(result) ? `fail ${result.status}` : 'uploaded';
	} catch (e) {
		return isHttpError(e) ? `${e.status}` : `error: ${(e as Error).message}`;
	}
}

describe.each(['supabase', 'local'] as const)('an upload for another organisation’s place (%s storage)', (kind) => {
	let adapter: Storage;
	let dir: string;
	/** every key the route asked the storage to write */
	const puts: string[] = [];
	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagari-uploads-'));
		const base =
			kind === 'supabase'
				? createSupabaseStorage({ url: storage.url, serviceKey: storage.serviceKey, bucket: BUCKET })
				: createLocalStorage(dir);
		if (kind === 'local') await base.put(key, JPEG, 'image/jpeg');
		adapter = {
			...base,
			put: (k, body, type) => {
				puts.push(k);
				return base.put(k, body, type);
			}
		};
		useStorage(adapter);
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('naming an existing photo’s id neither overwrites nor deletes that photo, whoever sends it', async () => {
		for (const actor of ['otherVolunteer', 'outsider', 'anon', 'volunteer'] as Actor[]) {
			const outcome = await upload(actor, photoId);
			expect({ actor, uploaded: outcome === 'uploaded' }).toEqual({ actor, uploaded: false });
			expect({ actor, body: (await adapter.get(key))?.body }).toEqual({ actor, body: JPEG });
		}
	});

	it('a new photo from someone outside the organisation leaves nothing in the storage', async () => {
		puts.length = 0;
		for (const actor of ['otherVolunteer', 'outsider', 'anon'] as Actor[]) {
			const id = crypto.randomUUID();
			expect(await upload(actor, id)).not.toBe('uploaded');
			expect({ actor, stored: await adapter.get(`photos/${placeId}/${id}.jpg`) }).toEqual({ actor, stored: null });
		}
		// refused before the storage is asked to write anything, not written and then removed
		expect(puts).toEqual([]);
	});

	it('a member’s upload is stored, and the photo route serves it back to the member; the town’s moderator may upload too', async () => {
		expect(await upload('moderator', crypto.randomUUID())).toBe('uploaded');
		const id = crypto.randomUUID();
		expect(await upload('volunteer', id)).toBe('uploaded');
		const stored = await adapter.get(`photos/${placeId}/${id}.jpg`);
		expect(stored?.contentType).toBe('image/jpeg');
		const before = photoId;
		photoId = id;
		try {
			const seen = await view('volunteer');
			expect(seen.status).toBe(200);
			expect(seen.body).toEqual(stored!.body);
			expect((await view('otherVolunteer')).status).toBe(404);
		} finally {
			photoId = before;
		}
	});
});
