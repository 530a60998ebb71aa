/**
 * The Supabase Storage adapter against the Storage stand-in (the one mock: Supabase Storage
 * cannot run here). The bucket is private with no storage policy, as ours is: the adapter works
 * with the service key, server side, and the photo route asks the database (RLS) first — that
 * refusal of another organisation's photo is tested in tests/db/supabase-storage.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStorageStandIn, type StorageStandIn } from './storage-stand-in';
import { createSupabaseStorage } from './supabase';

const BUCKET = 'place-photos';
const KEY = 'photos/0b6c2f6e-7d2a-4a39-9d1e-5b1f0c3a9e10/4f1d2c3b-aaaa-4bbb-8ccc-0123456789ab.jpg';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

let storage: StorageStandIn;
beforeAll(async () => {
	storage = await startStorageStandIn({ buckets: [BUCKET] });
});
afterAll(() => storage?.close());
beforeEach(() => {
	storage.objects.clear();
	storage.requests.length = 0;
});

const adapter = (serviceKey = storage.serviceKey, bucket = BUCKET) => createSupabaseStorage({ url: `${storage.url}/`, serviceKey, bucket });

describe('the Supabase Storage adapter', () => {
	it('uploads, downloads the same bytes and type, and deletes — every call with the service key', async () => {
		const s = adapter();
		await s.put(KEY, JPEG, 'image/jpeg');
		expect(storage.objects.get(`${BUCKET}/${KEY}`)?.contentType).toBe('image/jpeg');
		const got = await s.get(KEY);
		expect(got).toEqual({ body: JPEG, contentType: 'image/jpeg' });
		await s.delete(KEY);
		expect(storage.objects.size).toBe(0);
		expect(await s.get(KEY)).toBeNull();
		expect(storage.requests.map((r) => [r.method, r.role])).toEqual([
			['POST', 'service_role'],
			['GET', 'service_role'],
			['DELETE', 'service_role'],
			['GET', 'service_role']
		]);
	});

	it('reads a photo that is not there as missing, and deleting it again is no error', async () => {
		const s = adapter();
		expect(await s.get(KEY)).toBeNull();
		await expect(s.delete(KEY)).resolves.toBeUndefined();
	});

	it('never overwrites: a second upload to the same key fails and the first bytes stay', async () => {
		const s = adapter();
		await s.put(KEY, JPEG, 'image/jpeg');
		await expect(s.put(KEY, new Uint8Array([0xff, 0xd8, 9, 9]), 'image/jpeg')).rejects.toThrow(/storage upload failed/);
		expect((await s.get(KEY))?.body).toEqual(JPEG);
	});

	it('a key the project did not sign, or a bucket that does not exist, fails loudly instead of reading as a missing photo', async () => {
		await adapter().put(KEY, JPEG, 'image/jpeg');
		const forged = await storage.sign({ role: 'service_role' }, new TextEncoder().encode('not-the-project-secret-0123456789abcdef'));
		for (const s of [adapter(forged), adapter(storage.serviceKey, 'no-such-bucket')]) {
			await expect(s.get(KEY)).rejects.toThrow(/storage read failed/);
			await expect(s.put(KEY, JPEG, 'image/jpeg')).rejects.toThrow(/storage upload failed/);
			await expect(s.delete(KEY)).rejects.toThrow(/storage delete failed/);
		}
		expect(storage.objects.get(`${BUCKET}/${KEY}`)?.body).toEqual(Buffer.from(JPEG));
	});

	it('the bucket is private: with the anon key nothing is written, read or deleted', async () => {
		await adapter().put(KEY, JPEG, 'image/jpeg');
		const s = adapter(storage.anonKey);
		await expect(s.put(KEY.replace('.jpg', '.webp'), JPEG, 'image/webp')).rejects.toThrow(/storage upload failed/);
		expect(await s.get(KEY)).toBeNull();
		await s.delete(KEY);
		expect([...storage.objects.keys()]).toEqual([`${BUCKET}/${KEY}`]);
	});

	it('refuses a key that is not ours before any request', async () => {
		const s = adapter();
		for (const bad of ['../secret.jpg', 'photos//x.jpg', 'photos/x.png', 'Photos/x.jpg', 'photos/%2e%2e/x.jpg']) {
			await expect(s.get(bad)).rejects.toThrow(/bad storage key/);
			await expect(s.put(bad, JPEG, 'image/jpeg')).rejects.toThrow(/bad storage key/);
			await expect(s.delete(bad)).rejects.toThrow(/bad storage key/);
		}
		expect(storage.requests).toEqual([]);
	});
});
