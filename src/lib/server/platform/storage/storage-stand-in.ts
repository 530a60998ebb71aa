/**
 * TEST STAND-IN for Supabase Storage — imported only by tests (src/lib/layers.test.ts checks).
 *
 * Supabase Storage cannot run here, so this is a small HTTP server on 127.0.0.1 speaking the part
 * of the Storage REST API (supabase/storage, src/http/routes/object) our adapter calls, in our
 * own words:
 *
 *   POST   /storage/v1/object/{bucket}/{path}                upload; 409 unless x-upsert: true
 *   GET    /storage/v1/object/{bucket}/{path}                download (authenticated)
 *   GET    /storage/v1/object/authenticated/{bucket}/{path}  the same, its explicit form
 *   DELETE /storage/v1/object/{bucket}  {"prefixes": [...]}  delete several, answers the deleted
 *
 * Every request carries a JWT (Authorization: Bearer, and apikey), verified HS256 with the
 * project's JWT secret. The buckets are private and, like ours, have no policy on
 * storage.objects: only the service_role (which bypasses RLS) reads or writes; any other role's
 * upload breaks the row-level policy and its reads find nothing. Errors have Storage's shape:
 * HTTP 400 for every client error, the real status in the body's `statusCode` string
 * (`{ statusCode: "404", code: "NoSuchKey", error: "NoSuchKey", message: "Object not found" }`).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface StoredBlob {
	body: Buffer;
	contentType: string;
}

export interface StorageStandIn {
	/** the project URL (the stand-in answers under /storage/v1) */
	url: string;
	serviceKey: string;
	anonKey: string;
	/** a token signed with the project's secret, or with `key` */
	sign(payload: JWTPayload, key?: Uint8Array): Promise<string>;
	/** bucket/path → object, for tests to look inside */
	objects: Map<string, StoredBlob>;
	requests: { method: string; path: string; role: string | null }[];
	close(): Promise<void>;
}

class StorageError extends Error {
	constructor(
		readonly statusCode: string,
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

export async function startStorageStandIn(options: { buckets: string[] }): Promise<StorageStandIn> {
	const secret = new TextEncoder().encode(crypto.randomBytes(32).toString('base64url'));
	const objects = new Map<string, StoredBlob>();
	const requests: StorageStandIn['requests'] = [];
	const buckets = new Set(options.buckets);
	const sign = (payload: JWTPayload, key?: Uint8Array) =>
		new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key ?? secret);

	async function roleOf(req: http.IncomingMessage): Promise<string> {
		const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (req.headers.apikey as string | undefined);
		if (!token) throw new StorageError('400', 'InvalidJWT', 'headers must have required property authorization');
		try {
			const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
			return typeof payload.role === 'string' ? payload.role : 'anon';
		} catch (e) {
			throw new StorageError('400', 'InvalidJWT', (e as Error).message);
		}
	}

	function bucketOf(name: string) {
		if (!buckets.has(name)) throw new StorageError('404', 'NoSuchBucket', 'Bucket not found');
		return name;
	}

	async function route(req: http.IncomingMessage, path: string, body: Buffer, role: string): Promise<[number, unknown, string?]> {
		const method = req.method ?? 'GET';
		const serviceRole = role === 'service_role';
		let m: RegExpExecArray | null;

		if (method === 'POST' && (m = /^\/object\/([^/]+)\/(.+)$/.exec(path))) {
			const key = `${bucketOf(m[1])}/${m[2]}`;
			if (!serviceRole) throw new StorageError('403', 'AccessDenied', 'new row violates row-level security policy');
			if (objects.has(key) && req.headers['x-upsert'] !== 'true')
				throw new StorageError('409', 'ResourceAlreadyExists', 'The resource already exists');
			objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
			return [200, { Id: crypto.randomUUID(), Key: key }];
		}

		if (method === 'GET' && (m = /^\/object\/(?:authenticated\/)?([^/]+)\/(.+)$/.exec(path))) {
			const key = `${bucketOf(m[1])}/${m[2]}`;
			const found = objects.get(key);
			// without a policy, RLS hides every object from any role but the service role
			if (!found || !serviceRole) throw new StorageError('404', 'NoSuchKey', 'Object not found');
			return [200, found.body, found.contentType];
		}

		if (method === 'DELETE' && (m = /^\/object\/([^/]+)$/.exec(path))) {
			const bucket = bucketOf(m[1]);
			const parsed = JSON.parse(body.toString('utf8') || '{}') as { prefixes?: unknown };
			if (!Array.isArray(parsed.prefixes) || parsed.prefixes.length === 0)
				throw new StorageError('400', 'InvalidRequest', 'body must have required property prefixes');
			const deleted = serviceRole ? parsed.prefixes.map(String).filter((p) => objects.delete(`${bucket}/${p}`)) : [];
			return [200, deleted.map((name) => ({ name, bucket_id: bucket }))];
		}

		throw new StorageError('404', 'NotFound', `the stand-in does not offer ${method} ${path}`);
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = decodeURI(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/storage\/v1/, '');
			const seen = { method: req.method ?? 'GET', path, role: null as string | null };
			requests.push(seen);
			roleOf(req)
				.then((role) => {
					seen.role = role;
					return route(req, path, Buffer.concat(chunks), role);
				})
				.then(
					([status, payload, contentType]) => {
						if (Buffer.isBuffer(payload)) {
							res.writeHead(status, { 'content-type': contentType ?? 'application/octet-stream' });
							res.end(payload);
						} else {
							res.writeHead(status, { 'content-type': 'application/json' });
							res.end(JSON.stringify(payload));
						}
					},
					(e: unknown) => {
						const err = e instanceof StorageError ? e : new StorageError('500', 'InternalError', String(e));
						res.writeHead(err.statusCode === '500' ? 500 : 400, { 'content-type': 'application/json' });
						res.end(JSON.stringify({ statusCode: err.statusCode, code: err.code, error: err.code, message: err.message }));
					}
				);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const now = Math.floor(Date.now() / 1000);
	const longLived = { iss: 'supabase', iat: now, exp: now + 10 * 365 * 86400 };
	return {
		url,
		serviceKey: await sign({ ...longLived, role: 'service_role' }),
		anonKey: await sign({ ...longLived, role: 'anon' }),
		sign,
		objects,
		requests,
		close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
	};
}
