/**
 * The Supabase session adapter against the GoTrue stand-in (the one mock: we cannot run Supabase
 * Auth here) and a real database, which the stand-in shares as GoTrue shares the project's.
 * Everything runs twice: with the legacy HS256 project secret (supabase-js asks GET /user to
 * verify) and with an ES256 signing key (supabase-js verifies locally against the JWKS, so only
 * the adapter's own session check notices a revocation).
 */
import crypto from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { generateKeyPair, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoTrueStandIn, type GoTrueStandIn, type SigningMode } from '../../src/lib/server/platform/auth/gotrue-stand-in';
import type { Auth } from '../../src/lib/server/platform/auth/port';
import { createSupabaseAuth } from '../../src/lib/server/platform/auth/supabase';
import { ANON } from '../../src/lib/server/platform/db/index';
import { DEMO_PASSWORD, DEMO_USERS } from '../../scripts/seed/index';
import { openTestDb, type TestDb } from './helpers';

function cookieJar(): Cookies & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	return {
		jar,
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void (value === '' ? jar.delete(name) : jar.set(name, value)),
		delete: (name) => void jar.delete(name),
		serialize: () => ''
	};
}

function copyOf(cookies: ReturnType<typeof cookieJar>) {
	const copy = cookieJar();
	for (const [k, v] of cookies.jar) copy.jar.set(k, v);
	return copy;
}

const AUTH_COOKIE = /^sb-.+-auth-token(\.\d+)?$/;

interface StoredSession {
	access_token: string;
	refresh_token: string;
	expires_at: number;
	expires_in: number;
	[k: string]: unknown;
}

/** The session @supabase/ssr keeps in the cookie ("base64-" + base64url JSON, maybe in chunks). */
function readSession(cookies: ReturnType<typeof cookieJar>): { name: string; session: StoredSession } {
	const parts = [...cookies.jar.keys()].filter((k) => AUTH_COOKIE.test(k)).sort();
	expect(parts.length).toBeGreaterThan(0);
	const name = parts[0].replace(/\.\d+$/, '');
	const chunked = parts.some((p) => p !== name);
	const raw = chunked
		? parts
				.filter((p) => p !== name)
				.sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
				.map((p) => cookies.jar.get(p))
				.join('')
		: cookies.jar.get(name)!;
	return { name, session: JSON.parse(Buffer.from(raw.replace(/^base64-/, ''), 'base64url').toString('utf8')) as StoredSession };
}

/** What a person can do to their own cookie: write any session into it. */
function writeSession(cookies: ReturnType<typeof cookieJar>, name: string, session: StoredSession) {
	for (const k of [...cookies.jar.keys()]) if (AUTH_COOKIE.test(k)) cookies.jar.delete(k);
	cookies.jar.set(name, 'base64-' + Buffer.from(JSON.stringify(session), 'utf8').toString('base64url'));
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as JWTPayload;

const volunteer = DEMO_USERS.find((u) => u.role === 'volunteer')!;
const admin = DEMO_USERS.find((u) => u.role === 'admin')!;

let db: TestDb;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());

describe.each<SigningMode>(['HS256', 'ES256'])('the Supabase session adapter, tokens signed %s', (signing) => {
	let gotrue: GoTrueStandIn;
	let auth: Auth;
	/** how far the stand-in's clock for confirmation links runs ahead */
	let shift = 0;
	beforeAll(async () => {
		gotrue = await startGoTrueStandIn({ system: db.system, signing, now: () => Date.now() + shift });
		auth = createSupabaseAuth(db.driver, { url: gotrue.url, anonKey: gotrue.anonKey });
	});
	afterAll(() => gotrue?.close());

	async function signedIn(email = volunteer.email) {
		const cookies = cookieJar();
		expect(await auth.signIn(cookies, email, DEMO_PASSWORD, '192.0.2.10')).toEqual({ ok: true, needsTotp: false });
		return cookies;
	}

	/** A session cookie whose access token is `token`, its expiry claimed to be an hour away. */
	function withToken(cookies: ReturnType<typeof cookieJar>, token: string) {
		const forged = copyOf(cookies);
		const { name, session } = readSession(cookies);
		writeSession(forged, name, { ...session, access_token: token, expires_at: Math.floor(Date.now() / 1000) + 3600 });
		return forged;
	}

	describe('sign-in', () => {
		it('with the right password: the verified claims (authenticated, aal1) of a live session, which RLS reads', async () => {
			const cookies = await signedIn();
			const claims = await auth.resolve(cookies);
			expect(claims).toMatchObject({ sub: volunteer.id, role: 'authenticated', email: volunteer.email, aal: 'aal1' });
			const sessions = await db.system((tx) =>
				tx.query('select aal from auth.sessions where id = $1 and user_id = $2', [claims.session_id, volunteer.id])
			);
			expect(sessions).toEqual([{ aal: 'aal1' }]);
			const roles = await db.as(claims, (tx) =>
				tx.query<{ role: string }>('select role::text from public.memberships where user_id = auth.uid()')
			);
			expect(roles).toEqual([{ role: 'volunteer' }]);
		});

		it('each request is verified: HS256 by asking GoTrue (GET /user), ES256 locally against the published key', async () => {
			const cookies = await signedIn();
			await auth.resolve(cookies); // ES256: the JWKS is fetched once and cached
			const from = gotrue.requests.length;
			for (let i = 0; i < 3; i++) expect((await auth.resolve(cookies)).sub).toBe(volunteer.id);
			const asked = gotrue.requests.slice(from).map((r) => `${r.method} ${r.path}`);
			expect(asked).toEqual(signing === 'HS256' ? Array(3).fill('GET /auth/v1/user') : []);
		});

		it('with a wrong password or an unknown address: refused alike, no cookie, no session, anon', async () => {
			const before = await db.system((tx) => tx.query<{ n: number }>('select count(*)::int as n from auth.sessions'));
			for (const [email, password] of [
				[volunteer.email, 'not-the-password'],
				['nobody@hidamari.example', DEMO_PASSWORD]
			]) {
				const cookies = cookieJar();
				expect(await auth.signIn(cookies, email, password, null)).toEqual({ ok: false, reason: 'invalid' });
				expect([...cookies.jar.keys()].filter((k) => AUTH_COOKIE.test(k))).toEqual([]);
				expect(await auth.resolve(cookies)).toEqual(ANON);
			}
			const after = await db.system((tx) => tx.query<{ n: number }>('select count(*)::int as n from auth.sessions'));
			expect(after).toEqual(before);
		});

		it('of an address never confirmed: unconfirmed, after the right password only', async () => {
			const email = `unconfirmed-${signing.toLowerCase()}@test.example`;
			await db.system((tx) =>
				tx.query(
					`insert into auth.users (id, aud, role, email, encrypted_password, created_at, updated_at)
					 values ($1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), now())`,
					[crypto.randomUUID(), email, DEMO_PASSWORD]
				)
			);
			expect(await auth.signIn(cookieJar(), email, 'wrong', null)).toEqual({ ok: false, reason: 'invalid' });
			expect(await auth.signIn(cookieJar(), email, DEMO_PASSWORD, null)).toEqual({ ok: false, reason: 'unconfirmed' });
		});
	});

	describe('sign-up', () => {
		const input = (email: string, password = 'a-long-enough-password') => ({
			email,
			password,
			displayName: 'ひだまり 花子',
			ip: '192.0.2.30',
			redirectTo: 'http://localhost/auth/confirm'
		});

		it('creates an unconfirmed account that signs in only after the mailed link is opened, once', async () => {
			const email = `new-${signing.toLowerCase()}@test.example`;
			expect(await auth.signUp(cookieJar(), input(`  ${email.toUpperCase()} `))).toEqual({ ok: true, mail: 'sent_by_service' });
			const mail = gotrue.mails.find((m) => m.to === email)!;
			expect(mail.redirectTo).toBe('http://localhost/auth/confirm');
			const [row] = await db.system((tx) =>
				tx.query<{ id: string; confirmed: boolean; name: string }>(
					`select id, email_confirmed_at is not null as confirmed, raw_user_meta_data ->> 'display_name' as name from auth.users where email = $1`,
					[email]
				)
			);
			expect(row).toMatchObject({ confirmed: false, name: 'ひだまり 花子' });
			expect(await auth.signIn(cookieJar(), email, 'a-long-enough-password', null)).toEqual({ ok: false, reason: 'unconfirmed' });

			const cookies = cookieJar();
			expect(await auth.confirmEmail(cookies, mail.tokenHash)).toBe('confirmed');
			expect(await auth.resolve(cookies)).toMatchObject({ sub: row.id, role: 'authenticated', email, aal: 'aal1' });
			expect(await auth.confirmEmail(cookieJar(), mail.tokenHash)).not.toBe('confirmed');
			expect(await auth.signIn(cookieJar(), email, 'a-long-enough-password', null)).toEqual({ ok: true, needsTotp: false });
		});

		it('answers an address that already has an account like a new one, and changes nothing', async () => {
			const mailsBefore = gotrue.mails.length;
			expect(await auth.signUp(cookieJar(), input(volunteer.email, 'attacker-chosen-password'))).toEqual({
				ok: true,
				mail: 'sent_by_service'
			});
			expect(gotrue.mails.length).toBe(mailsBefore);
			expect(await auth.signIn(cookieJar(), volunteer.email, 'attacker-chosen-password', null)).toEqual({ ok: false, reason: 'invalid' });
			expect(await auth.signIn(cookieJar(), volunteer.email, DEMO_PASSWORD, null)).toMatchObject({ ok: true });
		});

		it('refuses a link that has expired, one never sent, and one too long to be ours', async () => {
			const email = `late-${signing.toLowerCase()}@test.example`;
			await auth.signUp(cookieJar(), input(email));
			const mail = gotrue.mails.find((m) => m.to === email)!;
			shift = 2 * 86400_000;
			try {
				expect(await auth.confirmEmail(cookieJar(), mail.tokenHash)).toBe('expired');
			} finally {
				shift = 0;
			}
			const asked = gotrue.requests.length;
			expect(await auth.confirmEmail(cookieJar(), 'x'.repeat(2001))).toBe('invalid');
			expect(gotrue.requests.length).toBe(asked);
			expect(await auth.confirmEmail(cookieJar(), 'f'.repeat(56))).not.toBe('confirmed');
			const [row] = await db.system((tx) =>
				tx.query<{ confirmed: boolean }>('select email_confirmed_at is not null as confirmed from auth.users where email = $1', [email])
			);
			expect(row.confirmed).toBe(false);
		});
	});

	describe('TOTP', () => {
		it('enrol → challenge → verify makes the session aal2; the next sign-in asks for the code again', async () => {
			const email = `totp-${signing.toLowerCase()}@test.example`;
			const [{ id }] = await db.system((tx) =>
				tx.query<{ id: string }>(
					`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, created_at, updated_at)
					 values ($1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), now(), now())
					 returning id`,
					[crypto.randomUUID(), email, DEMO_PASSWORD]
				)
			);
			const cookies = await signedIn(email);
			const first = await auth.resolve(cookies);
			expect(first).toMatchObject({ sub: id, aal: 'aal1' });
			expect(await auth.totpStatus(first)).toBe('none');

			// an abandoned enrolment is replaced, not piled up
			await auth.startTotpEnrolment(cookies, first);
			const { secret, uri } = await auth.startTotpEnrolment(cookies, first);
			expect(uri).toMatch(/^otpauth:\/\/totp\//);
			const factors = await db.system((tx) => tx.query<{ status: string }>('select status from auth.mfa_factors where user_id = $1', [id]));
			expect(factors).toEqual([{ status: 'unverified' }]);

			expect(await auth.verifyTotp(cookies, first, '000000' === gotrue.totp(secret) ? '111111' : '000000')).toBe('invalid');
			expect((await auth.resolve(cookies)).aal).toBe('aal1');

			expect(await auth.verifyTotp(cookies, first, gotrue.totp(secret))).toBe('verified');
			const stepped = await auth.resolve(cookies);
			expect(stepped).toMatchObject({ sub: id, role: 'authenticated', aal: 'aal2', session_id: first.session_id });
			expect(payloadOf(readSession(cookies).session.access_token)).toMatchObject({
				aal: 'aal2',
				amr: [{ method: 'totp' }, { method: 'password' }]
			});
			expect(await auth.totpStatus(stepped)).toBe('verified');

			await auth.signOut(cookies, stepped);
			const again = cookieJar();
			expect(await auth.signIn(again, email, DEMO_PASSWORD, null)).toEqual({ ok: true, needsTotp: true });
			const aal1 = await auth.resolve(again);
			expect(aal1.aal).toBe('aal1');
			expect(await auth.verifyTotp(again, aal1, gotrue.totp(secret))).toBe('verified');
			expect((await auth.resolve(again)).aal).toBe('aal2');
		});
	});

	describe('TOTP, limited', () => {
		it('GoTrue’s limit on MFA attempts reaches the person as rate_limited, and lifts', async () => {
			let ahead = 0;
			const limited = await startGoTrueStandIn({ system: db.system, signing, now: () => Date.now() + ahead, mfaPerMinute: 2 });
			try {
				const a = createSupabaseAuth(db.driver, { url: limited.url, anonKey: limited.anonKey });
				const cookies = cookieJar();
				expect(await a.signIn(cookies, admin.email, DEMO_PASSWORD, null)).toMatchObject({ ok: true });
				const claims = await a.resolve(cookies);
				const { secret } = await a.startTotpEnrolment(cookies, claims);
				const wrong = limited.totp(secret) === '000000' ? '111111' : '000000';
				expect(await a.verifyTotp(cookies, claims, wrong)).toBe('invalid'); // a challenge and a verification
				expect(await a.verifyTotp(cookies, claims, limited.totp(secret))).toBe('rate_limited');
				expect((await a.resolve(cookies)).aal).toBe('aal1');
				ahead = 61_000;
				expect(await a.verifyTotp(cookies, claims, limited.totp(secret))).toBe('verified');
				expect((await a.resolve(cookies)).aal).toBe('aal2');
			} finally {
				await db.system((tx) => tx.query('delete from auth.mfa_factors where user_id = $1', [admin.id]));
				await limited.close();
			}
		});
	});

	describe('a session ends', () => {
		it('at sign-out: the cookie is gone, and a copy kept from before is refused on the next request', async () => {
			const cookies = await signedIn();
			const kept = copyOf(cookies);
			const claims = await auth.resolve(cookies);
			await auth.signOut(cookies, claims);
			expect([...cookies.jar.keys()].filter((k) => AUTH_COOKIE.test(k))).toEqual([]);
			expect(await db.system((tx) => tx.query('select 1 from auth.sessions where id = $1', [claims.session_id]))).toEqual([]);
			expect(await auth.resolve(kept)).toEqual(ANON);
		});

		it('when the session is revoked (gone from auth.sessions): anon on the very next request, with a token still unexpired', async () => {
			const cookies = await signedIn();
			const claims = await auth.resolve(cookies);
			expect(claims.role).toBe('authenticated');
			// what GoTrue does on an administrator's sign-out of the user, or a global sign-out elsewhere
			await db.system((tx) => tx.query('delete from auth.sessions where user_id = $1 and id = $2', [volunteer.id, claims.session_id]));
			expect(payloadOf(readSession(cookies).session.access_token).exp! * 1000).toBeGreaterThan(Date.now());
			expect(await auth.resolve(cookies)).toEqual(ANON);
		});

		it('when the user is banned: anon on the next request', async () => {
			const cookies = await signedIn(admin.email);
			expect((await auth.resolve(cookies)).sub).toBe(admin.id);
			await db.system((tx) => tx.query(`update auth.users set banned_until = now() + interval '1 day' where id = $1`, [admin.id]));
			try {
				expect(await auth.resolve(cookies)).toEqual(ANON);
			} finally {
				await db.system((tx) => tx.query('update auth.users set banned_until = null where id = $1', [admin.id]));
			}
		});
	});

	describe('tokens the project did not issue as they are, refused before any claim is used', () => {
		/**
		 * The real token's claims, and the edits worth forging: the same live session stepped up to
		 * aal2 without the code, and another user's live session (which the session check alone
		 * would let through).
		 */
		async function liveClaims() {
			const cookies = await signedIn();
			const real = payloadOf(readSession(cookies).session.access_token);
			const adminSession = (await auth.resolve(await signedIn(admin.email))).session_id;
			const forgeries: JWTPayload[] = [
				{ ...real, aal: 'aal2', amr: [{ method: 'totp', timestamp: real.iat }] },
				{ ...real, sub: admin.id, email: admin.email, session_id: adminSession }
			];
			return { cookies, real, forgeries };
		}

		/** Refused: anon, and never a claim taken from the forgery. */
		async function refuses(cookies: ReturnType<typeof cookieJar>) {
			const claims = await auth.resolve(cookies);
			expect(claims).toEqual(ANON);
			expect(claims.sub).not.toBe(admin.id);
			expect(claims.aal).not.toBe('aal2');
		}

		it('an expired token, even when the cookie claims it is fresh', async () => {
			const { cookies, real, forgeries } = await liveClaims();
			const now = Math.floor(Date.now() / 1000);
			const expired = await gotrue.sign({ ...real, iat: now - 7200, exp: now - 60 });
			expect(await auth.resolve(withToken(cookies, expired))).toEqual(ANON);
			// signed by the project, but expired: none of its claims is taken
			for (const edited of forgeries) await refuses(withToken(cookies, await gotrue.sign({ ...edited, iat: now - 7200, exp: now - 60 })));
		});

		it('an expired token whose refresh token is spent: anon; with a good refresh token: renewed', async () => {
			const { cookies, real } = await liveClaims();
			const now = Math.floor(Date.now() / 1000);
			const expired = await gotrue.sign({ ...real, iat: now - 7200, exp: now - 60 });
			const { name, session } = readSession(cookies);
			const stale = copyOf(cookies);
			writeSession(stale, name, { ...session, access_token: expired, expires_at: now - 60 });
			const renewed = await auth.resolve(stale);
			expect(renewed).toMatchObject({ sub: volunteer.id, role: 'authenticated', session_id: real.session_id });
			expect(readSession(stale).session.refresh_token).not.toBe(session.refresh_token);
			// the same refresh token a second time: GoTrue refuses a spent one
			const replay = copyOf(cookies);
			writeSession(replay, name, { ...session, access_token: expired, expires_at: now - 60 });
			expect(await auth.resolve(replay)).toEqual(ANON);
		});

		it('a token signed with another key', async () => {
			const { cookies, forgeries } = await liveClaims();
			const other =
				signing === 'HS256'
					? new TextEncoder().encode('not-the-project-secret-0123456789abcdef')
					: (await generateKeyPair('ES256')).privateKey;
			for (const edited of forgeries) await refuses(withToken(cookies, await gotrue.sign(edited, gotrue.header, other)));
		});

		it('the real token with its claims edited and the signature kept', async () => {
			const { cookies, forgeries } = await liveClaims();
			const [h, , s] = readSession(cookies).session.access_token.split('.');
			for (const edited of forgeries) await refuses(withToken(cookies, `${h}.${b64(edited)}.${s}`));
		});

		it('an unsigned token (alg none), with and without the key id of the real key', async () => {
			const { cookies, forgeries } = await liveClaims();
			for (const edited of forgeries)
				for (const header of [
					{ alg: 'none', typ: 'JWT' },
					{ alg: 'none', typ: 'JWT', kid: gotrue.header.kid ?? 'legacy' }
				])
					await refuses(withToken(cookies, `${b64(header)}.${b64(edited)}.`));
		});

		it('a token signed HS256 with the public key as secret (algorithm confusion), or garbage', async () => {
			const { cookies, forgeries } = await liveClaims();
			for (const edited of forgeries) {
				const confused = await gotrue.sign(edited, { alg: 'HS256' }, new TextEncoder().encode(JSON.stringify(gotrue.header)));
				await refuses(withToken(cookies, confused));
			}
			for (const token of ['not-a-jwt', `${b64({ alg: 'ES256', kid: gotrue.header.kid })}.bm90LWpzb24.AAAA`])
				await refuses(withToken(cookies, token));
		});
	});
});
