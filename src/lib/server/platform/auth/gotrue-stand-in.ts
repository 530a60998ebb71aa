/**
 * TEST STAND-IN for Supabase Auth (GoTrue) — imported only by tests (src/lib/layers.test.ts checks).
 *
 * Supabase Auth is the one service of the auth path we cannot run here (no Docker, no network), so
 * this is a small HTTP server on 127.0.0.1 that speaks the part of GoTrue's documented REST API the
 * Supabase adapter reaches through supabase-js, written from GoTrue's openapi.yaml (supabase/auth)
 * and its error codes, in our own words:
 *
 *   POST   /auth/v1/signup                           a new, unconfirmed user; "mails" a confirmation
 *   POST   /auth/v1/verify                           {type: email, token_hash} confirms → tokens
 *   POST   /auth/v1/token?grant_type=password        e-mail + password → AccessTokenResponse
 *   POST   /auth/v1/token?grant_type=refresh_token   single-use refresh token → new tokens
 *   GET    /auth/v1/user                             the bearer's user (verifies the JWT and its session)
 *   POST   /auth/v1/logout?scope=local|global|others ends sessions, 204
 *   POST   /auth/v1/factors                          enrols an unverified TOTP factor
 *   DELETE /auth/v1/factors/{id}                     removes one of the bearer's factors
 *   POST   /auth/v1/factors/{id}/challenge           a challenge {id, type, expires_at}
 *   POST   /auth/v1/factors/{id}/verify              {challenge_id, code} → aal2 tokens
 *   GET    /auth/v1/.well-known/jwks.json            the public signing key (ES256 mode)
 *
 * Like GoTrue it keeps its state in the database it shares with the app: auth.users (passwords as
 * bcrypt through pgcrypto), auth.sessions (one row per session, aal) and auth.mfa_factors, writing
 * every id and timestamp itself as GoTrue does (its schema gives them no defaults). Refresh
 * tokens and challenges, which GoTrue keeps in tables our baseline does not have, live in memory.
 * Access tokens are real JWTs with GoTrue's claims (iss, sub, aud, exp, iat, email, role, aal, amr,
 * session_id, is_anonymous), signed HS256 with a project secret (the legacy JWT secret) or ES256
 * with a key announced in the JWKS (asymmetric signing keys), as a project may be configured.
 * MFA challenges and verifications are rate-limited per client address as GoTrue does (429).
 * Errors use the 2024-01-01 API shape: `{ code, message }` plus the X-Supabase-Api-Version header.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type JWK } from 'jose';
import * as OTPAuth from 'otpauth';
import type { Tx } from '../db/types';

export type SigningMode = 'HS256' | 'ES256';

export interface GoTrueStandInOptions {
	/** runs SQL with the owner's rights, as GoTrue's own connection (supabase_auth_admin) does */
	system: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
	signing: SigningMode;
	/** seconds an access token lives (GoTrue's JWT_EXP; default 3600) */
	jwtExp?: number;
	/** seconds a confirmation link lives (GoTrue's MAILER_OTP_EXP; default 86400) */
	otpExp?: number;
	/** the stand-in's clock for confirmation links and rate limits, so a test can move time (default Date.now) */
	now?: () => number;
	/** MFA challenges + verifications a client address may make a minute (GoTrue's
	 * RATE_LIMIT_CHALLENGE_AND_VERIFY, default 15); more answer 429 over_request_rate_limit */
	mfaPerMinute?: number;
}

/** A mail GoTrue would have sent: the confirmation link's token hash and where it leads. */
export interface SentMail {
	to: string;
	tokenHash: string;
	redirectTo: string | null;
}

export interface RequestSeen {
	method: string;
	path: string;
	authorization: string | null;
}

export interface GoTrueStandIn {
	/** the project URL to give supabase-js (the stand-in answers under /auth/v1) */
	url: string;
	/** the project's anon (publishable) key, a JWT with role anon */
	anonKey: string;
	/** every request, in order, for tests that count calls */
	requests: RequestSeen[];
	/** the confirmation mails, in order */
	mails: SentMail[];
	/** signs a token with the project's key (or `key`), for tests that need an expired or edited one */
	sign(payload: JWTPayload, header?: { alg?: string; kid?: string }, key?: Uint8Array | CryptoKey): Promise<string>;
	/** the header every issued token carries (alg, and kid in ES256 mode) */
	header: { alg: SigningMode; kid?: string; typ: 'JWT' };
	/** the current TOTP code of a factor secret */
	totp(secret: string): string;
	close(): Promise<void>;
}

interface RefreshToken {
	sessionId: string;
	userId: string;
	revoked: boolean;
}

interface Challenge {
	factorId: string;
	expiresAt: number;
}

class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function totpOf(secret: string) {
	return new OTPAuth.TOTP({ issuer: 'tsunagari-map', algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export async function startGoTrueStandIn(options: GoTrueStandInOptions): Promise<GoTrueStandIn> {
	const jwtExp = options.jwtExp ?? 3600;
	const otpExp = options.otpExp ?? 86400;
	const clock = options.now ?? Date.now;
	const mails: SentMail[] = [];
	const confirmations = new Map<string, { userId: string; sentAt: number }>();
	const mfaPerMinute = options.mfaPerMinute ?? 15;
	const mfaCalls = new Map<string, number[]>();
	const secret = new TextEncoder().encode(crypto.randomBytes(32).toString('base64url'));
	let privateKey: CryptoKey | undefined;
	let publicKey: CryptoKey | undefined;
	let publicJwk: JWK | undefined;
	const kid = options.signing === 'ES256' ? crypto.randomUUID() : undefined;
	if (options.signing === 'ES256') {
		({ privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true }));
		publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] };
	}
	const header = { alg: options.signing, typ: 'JWT' as const, ...(kid ? { kid } : {}) };
	const signingKey = () => (options.signing === 'ES256' ? privateKey! : secret);

	const refreshTokens = new Map<string, RefreshToken>();
	const challenges = new Map<string, Challenge>();
	const requests: RequestSeen[] = [];
	let issuer = '';

	async function sign(payload: JWTPayload, h: { alg?: string; kid?: string } = header, key?: Uint8Array | CryptoKey) {
		return new SignJWT(payload).setProtectedHeader({ typ: 'JWT', ...h, alg: h.alg ?? header.alg }).sign(key ?? signingKey());
	}

	/** What GoTrue does with a bearer token: signature and expiry, a UUID sub, a live session. */
	async function bearer(req: http.IncomingMessage): Promise<{ sub: string; sessionId: string; claims: JWTPayload }> {
		const auth = req.headers.authorization ?? '';
		const token = /^Bearer (\S+)$/.exec(auth)?.[1];
		if (!token) throw new ApiError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
		let claims: JWTPayload;
		try {
			({ payload: claims } = await jwtVerify(token, options.signing === 'ES256' ? publicKey! : secret, {
				algorithms: [options.signing]
			}));
		} catch (e) {
			throw new ApiError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${(e as Error).message}`);
		}
		if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw new ApiError(403, 'bad_jwt', 'invalid claim: missing sub claim');
		const sessionId = claims.session_id;
		if (typeof sessionId !== 'string' || !UUID.test(sessionId))
			throw new ApiError(403, 'bad_jwt', 'invalid claim: session_id claim must be a UUID');
		const found = await options.system((tx) =>
			tx.query('select 1 from auth.sessions where id = $1 and user_id = $2', [sessionId, claims.sub])
		);
		if (!found.length) throw new ApiError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		return { sub: claims.sub, sessionId, claims };
	}

	async function userObject(tx: Tx, userId: string) {
		const [u] = await tx.query<{
			id: string;
			email: string;
			email_confirmed_at: Date | null;
			raw_app_meta_data: unknown;
			raw_user_meta_data: unknown;
			created_at: Date;
			updated_at: Date;
		}>(
			`select id, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at
			 from auth.users where id = $1`,
			[userId]
		);
		if (!u) throw new ApiError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		const factors = await tx.query<{
			id: string;
			friendly_name: string | null;
			factor_type: string;
			status: string;
			created_at: Date;
			updated_at: Date;
		}>(
			`select id, friendly_name, factor_type, status, created_at, updated_at from auth.mfa_factors where user_id = $1 order by created_at`,
			[userId]
		);
		return {
			id: u.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: u.email,
			email_confirmed_at: u.email_confirmed_at?.toISOString(),
			confirmed_at: u.email_confirmed_at?.toISOString(),
			app_metadata: { provider: 'email', providers: ['email'], ...(u.raw_app_meta_data as object) },
			user_metadata: u.raw_user_meta_data ?? {},
			identities: [],
			factors: factors.map((f) => ({ ...f, created_at: f.created_at.toISOString(), updated_at: f.updated_at.toISOString() })),
			created_at: u.created_at.toISOString(),
			updated_at: u.updated_at.toISOString(),
			is_anonymous: false
		};
	}

	/** An AccessTokenResponse for a session, and a fresh single-use refresh token. */
	async function issue(tx: Tx, userId: string, sessionId: string, amr: { method: string; timestamp: number }[]) {
		const [s] = await tx.query<{ aal: string }>('select aal from auth.sessions where id = $1', [sessionId]);
		const user = await userObject(tx, userId);
		const now = Math.floor(Date.now() / 1000);
		const access = await sign({
			iss: issuer,
			sub: userId,
			aud: 'authenticated',
			exp: now + jwtExp,
			iat: now,
			email: user.email,
			phone: '',
			app_metadata: user.app_metadata,
			user_metadata: user.user_metadata,
			role: 'authenticated',
			aal: s.aal,
			amr,
			session_id: sessionId,
			is_anonymous: false
		});
		const refresh = crypto.randomBytes(9).toString('base64url');
		refreshTokens.set(refresh, { sessionId, userId, revoked: false });
		return { access_token: access, token_type: 'bearer', expires_in: jwtExp, expires_at: now + jwtExp, refresh_token: refresh, user };
	}

	async function newSession(tx: Tx, userId: string) {
		const [s] = await tx.query<{ id: string }>(
			`insert into auth.sessions (id, user_id, aal, created_at, updated_at) values ($1, $2, 'aal1', now(), now()) returning id`,
			[crypto.randomUUID(), userId]
		);
		return s;
	}

	const amrOf = (claims: JWTPayload) => (Array.isArray(claims.amr) ? (claims.amr as { method: string; timestamp: number }[]) : []);

	async function route(req: http.IncomingMessage, url: URL, body: Record<string, unknown>): Promise<[number, unknown]> {
		const path = url.pathname.replace(/^\/auth\/v1/, '');
		const method = req.method ?? 'GET';

		if (method === 'GET' && path === '/.well-known/jwks.json') return [200, { keys: publicJwk ? [publicJwk] : [] }];

		// everything else needs the project's API key, as the gateway in front of GoTrue demands
		if (req.headers.apikey !== anonKey) throw new ApiError(401, 'no_api_key', 'Invalid API key');

		if (method === 'POST' && path === '/signup') {
			const email = String(body.email ?? '')
				.trim()
				.toLowerCase();
			const password = String(body.password ?? '');
			if (!/^[^@\s]+@[^@\s]+$/.test(email))
				throw new ApiError(400, 'validation_failed', 'Unable to validate email address: invalid format');
			if (password.length < 6) throw new ApiError(422, 'weak_password', 'Password should be at least 6 characters.');
			const data = typeof body.data === 'object' && body.data !== null ? body.data : {};
			return options.system(async (tx) => {
				const [found] = await tx.query<{ id: string; confirmed: boolean }>(
					'select id, email_confirmed_at is not null as confirmed from auth.users where lower(email) = $1',
					[email]
				);
				// a confirmed address gets the same answer as a new one, with a made-up user, and nothing changes
				if (found?.confirmed)
					return [200, { ...(await userObject(tx, found.id)), id: crypto.randomUUID(), identities: [], factors: [], user_metadata: data }];
				const id =
					found?.id ??
					(
						await tx.query<{ id: string }>(
							`insert into auth.users (id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
							 values ($1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 4)),
							         '{"provider": "email", "providers": ["email"]}', $4, now(), now())
							 returning id`,
							[crypto.randomUUID(), email, password, JSON.stringify(data)]
						)
					)[0].id;
				const tokenHash = crypto.createHash('sha224').update(crypto.randomBytes(16)).digest('hex');
				confirmations.set(tokenHash, { userId: id, sentAt: clock() });
				mails.push({ to: email, tokenHash, redirectTo: url.searchParams.get('redirect_to') });
				return [200, await userObject(tx, id)];
			});
		}

		if (method === 'POST' && path === '/verify') {
			const pending = confirmations.get(String(body.token_hash ?? ''));
			const fresh = pending && clock() - pending.sentAt < otpExp * 1000;
			if (!pending || !fresh || (body.type !== 'email' && body.type !== 'signup'))
				throw new ApiError(403, 'otp_expired', 'Email link is invalid or has expired');
			confirmations.delete(String(body.token_hash));
			return options.system(async (tx) => {
				await tx.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [pending.userId]);
				const s = await newSession(tx, pending.userId);
				return [200, await issue(tx, pending.userId, s.id, [{ method: 'otp', timestamp: Math.floor(Date.now() / 1000) }])];
			});
		}

		if (method === 'POST' && path === '/token' && url.searchParams.get('grant_type') === 'password') {
			const email = String(body.email ?? '')
				.trim()
				.toLowerCase();
			const password = String(body.password ?? '');
			return options.system(async (tx) => {
				const [u] = await tx.query<{ id: string; ok: boolean; confirmed: boolean; banned: boolean }>(
					`select id, encrypted_password is not null and extensions.crypt($2, encrypted_password) = encrypted_password as ok,
					        email_confirmed_at is not null as confirmed, coalesce(banned_until > now(), false) as banned
					 from auth.users where lower(email) = $1`,
					[email, password]
				);
				if (!u || !u.ok) throw new ApiError(400, 'invalid_credentials', 'Invalid login credentials');
				if (!u.confirmed) throw new ApiError(400, 'email_not_confirmed', 'Email not confirmed');
				if (u.banned) throw new ApiError(400, 'user_banned', 'User is banned');
				const s = await newSession(tx, u.id);
				return [200, await issue(tx, u.id, s.id, [{ method: 'password', timestamp: Math.floor(Date.now() / 1000) }])];
			});
		}

		if (method === 'POST' && path === '/token' && url.searchParams.get('grant_type') === 'refresh_token') {
			const token = refreshTokens.get(String(body.refresh_token ?? ''));
			if (!token || token.revoked) throw new ApiError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
			return options.system(async (tx) => {
				const live = await tx.query('select 1 from auth.sessions where id = $1', [token.sessionId]);
				if (!live.length) throw new ApiError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
				token.revoked = true; // rotation: each refresh token works once
				return [
					200,
					await issue(tx, token.userId, token.sessionId, [{ method: 'token_refresh', timestamp: Math.floor(Date.now() / 1000) }])
				];
			});
		}

		if (method === 'GET' && path === '/user') {
			const { sub } = await bearer(req);
			return [200, await options.system((tx) => userObject(tx, sub))];
		}

		if (method === 'POST' && path === '/logout') {
			const { sub, sessionId } = await bearer(req);
			const scope = url.searchParams.get('scope') ?? 'global';
			await options.system((tx) =>
				scope === 'local'
					? tx.query('delete from auth.sessions where id = $1', [sessionId])
					: scope === 'others'
						? tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [sub, sessionId])
						: tx.query('delete from auth.sessions where user_id = $1', [sub])
			);
			return [204, null];
		}

		if (method === 'POST' && path === '/factors') {
			const { sub } = await bearer(req);
			if (body.factor_type !== 'totp') throw new ApiError(400, 'validation_failed', 'Only the totp factor type is offered here');
			const factorSecret = new OTPAuth.Secret({ size: 20 }).base32;
			return options.system(async (tx) => {
				const [u] = await tx.query<{ email: string }>('select email from auth.users where id = $1', [sub]);
				const name = typeof body.friendly_name === 'string' ? body.friendly_name : null;
				const [f] = await tx.query<{ id: string }>(
					`insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
					 values ($1, $2, $3, 'totp', 'unverified', $4, now(), now()) returning id`,
					[crypto.randomUUID(), sub, name, factorSecret]
				);
				const uri = totpOf(factorSecret)
					.toString()
					.replace('tsunagari-map:', `tsunagari-map:${encodeURIComponent(u.email)}`);
				return [
					200,
					{
						id: f.id,
						type: 'totp',
						friendly_name: name ?? '',
						totp: { qr_code: '<svg xmlns="http://www.w3.org/2000/svg"/>', secret: factorSecret, uri }
					}
				];
			});
		}

		const factorPath = /^\/factors\/([^/]+)(\/challenge|\/verify)?$/.exec(path);
		if (factorPath && method === 'POST') {
			const ip = req.socket.remoteAddress ?? '';
			const recent = (mfaCalls.get(ip) ?? []).filter((t) => clock() - t < 60_000);
			recent.push(clock());
			mfaCalls.set(ip, recent);
			if (recent.length > mfaPerMinute) throw new ApiError(429, 'over_request_rate_limit', 'Request rate limit reached');
		}
		if (factorPath) {
			const { sub, sessionId, claims } = await bearer(req);
			const factorId = factorPath[1];
			const [factor] = UUID.test(factorId)
				? await options.system((tx) =>
						tx.query<{ id: string; secret: string; status: string }>(
							'select id, secret, status from auth.mfa_factors where id = $1 and user_id = $2',
							[factorId, sub]
						)
					)
				: [];
			if (!factor) throw new ApiError(404, 'mfa_factor_not_found', 'Factor not found');

			if (method === 'DELETE' && !factorPath[2]) {
				await options.system((tx) => tx.query('delete from auth.mfa_factors where id = $1', [factorId]));
				return [200, { id: factorId }];
			}
			if (method === 'POST' && factorPath[2] === '/challenge') {
				const id = crypto.randomUUID();
				const expiresAt = Math.floor(Date.now() / 1000) + 300;
				challenges.set(id, { factorId, expiresAt });
				await options.system((tx) => tx.query('update auth.mfa_factors set last_challenged_at = now() where id = $1', [factorId]));
				return [200, { id, type: 'totp', expires_at: expiresAt }];
			}
			if (method === 'POST' && factorPath[2] === '/verify') {
				const challenge = challenges.get(String(body.challenge_id ?? ''));
				if (!challenge || challenge.factorId !== factorId)
					throw new ApiError(404, 'mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
				if (challenge.expiresAt < Math.floor(Date.now() / 1000)) throw new ApiError(422, 'mfa_challenge_expired', 'Challenge has expired');
				const ok = totpOf(factor.secret).validate({ token: String(body.code ?? ''), window: 1 }) !== null;
				if (!ok) throw new ApiError(422, 'mfa_verification_failed', 'Invalid TOTP code entered');
				challenges.delete(String(body.challenge_id));
				return options.system(async (tx) => {
					await tx.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`, [factorId]);
					await tx.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`, [sessionId, factorId]);
					// the tokens of this session before the step-up stop refreshing
					for (const t of refreshTokens.values()) if (t.sessionId === sessionId) t.revoked = true;
					const amr = [{ method: 'totp', timestamp: Math.floor(Date.now() / 1000) }, ...amrOf(claims)];
					return [200, await issue(tx, sub, sessionId, amr)];
				});
			}
		}

		throw new ApiError(404, 'not_found', `the stand-in does not offer ${method} ${path}`);
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			requests.push({ method: req.method ?? 'GET', path: url.pathname, authorization: req.headers.authorization ?? null });
			let body: Record<string, unknown> = {};
			try {
				if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
			} catch {
				body = {};
			}
			const headers = { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' };
			route(req, url, body).then(
				([status, payload]) => {
					res.writeHead(status, headers);
					res.end(payload === null ? undefined : JSON.stringify(payload));
				},
				(e: unknown) => {
					const err = e instanceof ApiError ? e : new ApiError(500, 'unexpected_failure', String(e));
					res.writeHead(err.status, headers);
					res.end(JSON.stringify({ code: err.code, message: err.message }));
				}
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	issuer = `${url}/auth/v1`;
	const now = Math.floor(Date.now() / 1000);
	const anonKey = await new SignJWT({ iss: 'supabase', role: 'anon', iat: now, exp: now + 10 * 365 * 86400 })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(secret);

	return {
		url,
		anonKey,
		requests,
		mails,
		sign,
		header,
		totp: (s) => totpOf(s).generate(),
		close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
	};
}
