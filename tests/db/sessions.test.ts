/**
 * The embedded session adapter against a real database: sign-in, rate limit, revocation,
 * idle timeout, bans, tampering and TOTP. A clock is injected so time can move.
 */
import type { Cookies } from '@sveltejs/kit';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedAuth, SESSION_COOKIE } from '../../src/lib/server/platform/auth/embedded';
import type { Auth } from '../../src/lib/server/platform/auth/port';
import { DEMO_PASSWORD, DEMO_USERS } from '../../scripts/seed/index';
import { openTestDb, type TestDb } from './helpers';

/** Just enough of SvelteKit's Cookies for the adapter. */
function cookieJar(): Cookies & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	return {
		jar,
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: () => ''
	};
}

const volunteer = DEMO_USERS.find((u) => u.role === 'volunteer')!;
const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;
const SECRET = new TextEncoder().encode('a-test-secret-that-is-long-enough-0123456789');

let db: TestDb;
let clock: Date;
let auth: Auth;
beforeAll(async () => {
	db = await openTestDb();
});
afterAll(() => db?.close());
beforeEach(async () => {
	clock = new Date('2026-11-22T10:00:00+09:00');
	auth = createEmbeddedAuth(db.driver, { secret: SECRET, secure: false, now: () => clock });
	await db.system((tx) => tx.query('delete from private.sign_in_attempts'));
	await db.system((tx) => tx.query(`delete from private.rate_events where bucket = 'totp'`));
});
const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

async function signedIn(email = volunteer.email) {
	const cookies = cookieJar();
	expect(await auth.signIn(cookies, email, DEMO_PASSWORD, '192.0.2.10')).toEqual({ ok: true, needsTotp: false });
	return cookies;
}

describe('sign-in', () => {
	it('issues a session cookie that resolves to the user’s claims, which RLS reads', async () => {
		const cookies = await signedIn();
		const claims = await auth.resolve(cookies);
		expect(claims).toMatchObject({ sub: volunteer.id, role: 'authenticated', email: volunteer.email, aal: 'aal1' });
		const roles = await db.as(claims, (tx) =>
			tx.query<{ role: string }>('select role::text from public.memberships where user_id = auth.uid()')
		);
		expect(roles).toEqual([{ role: 'volunteer' }]);
	});

	it('accepts the e-mail in any case and with surrounding spaces', async () => {
		const cookies = cookieJar();
		expect(await auth.signIn(cookies, `  ${volunteer.email.toUpperCase()} `, DEMO_PASSWORD, null)).toMatchObject({ ok: true });
	});

	it('refuses a wrong password and an unknown e-mail alike, setting no cookie', async () => {
		const cookies = cookieJar();
		expect(await auth.signIn(cookies, volunteer.email, 'nope', null)).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn(cookies, 'nobody@hidamari.example', DEMO_PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
		expect(cookies.jar.size).toBe(0);
	});

	it('refuses an address that was never confirmed, but only after the right password', async () => {
		await db.system((tx) =>
			tx.query(
				`insert into auth.users (id, email, encrypted_password) values (gen_random_uuid(), 'new@test.example', extensions.crypt($1, extensions.gen_salt('bf', 4)))`,
				[DEMO_PASSWORD]
			)
		);
		expect(await auth.signIn(cookieJar(), 'new@test.example', 'wrong', null)).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn(cookieJar(), 'new@test.example', DEMO_PASSWORD, null)).toEqual({ ok: false, reason: 'unconfirmed' });
	});

	it('rate-limits an address after five failures, even for the right password, until the window passes', async () => {
		for (let i = 0; i < 5; i++) expect((await auth.signIn(cookieJar(), coordinator.email, `guess-${i}`, '192.0.2.20')).ok).toBe(false);
		expect(await auth.signIn(cookieJar(), coordinator.email, DEMO_PASSWORD, '192.0.2.21')).toEqual({ ok: false, reason: 'rate_limited' });
		advance(16);
		expect(await auth.signIn(cookieJar(), coordinator.email, DEMO_PASSWORD, '192.0.2.21')).toMatchObject({ ok: true });
	});
});

describe('a session ends', () => {
	it('at sign-out: the same cookie is refused on the next request', async () => {
		const cookies = await signedIn();
		const stolen = cookies.get(SESSION_COOKIE)!;
		await auth.signOut(cookies, await auth.resolve(cookies));
		expect(cookies.get(SESSION_COOKIE)).toBeUndefined();
		const replay = cookieJar();
		replay.set(SESSION_COOKIE, stolen, { path: '/' });
		expect(await auth.resolve(replay)).toMatchObject({ role: 'anon', sub: null });
	});

	it('when an administrator revokes it', async () => {
		const cookies = await signedIn();
		const { session_id } = await auth.resolve(cookies);
		await db.system((tx) => tx.query('delete from auth.sessions where id = $1', [session_id]));
		expect((await auth.resolve(cookies)).role).toBe('anon');
	});

	it('after 30 idle minutes, but not while in use', async () => {
		const cookies = await signedIn();
		for (let i = 0; i < 4; i++) {
			advance(20);
			expect((await auth.resolve(cookies)).role).toBe('authenticated');
		}
		advance(31);
		expect((await auth.resolve(cookies)).role).toBe('anon');
	});

	it('when the user is banned', async () => {
		const cookies = await signedIn();
		await db.system((tx) =>
			tx.query(`update auth.users set banned_until = $2 where id = $1`, [volunteer.id, new Date(clock.getTime() + 86_400_000)])
		);
		try {
			expect((await auth.resolve(cookies)).role).toBe('anon');
		} finally {
			await db.system((tx) => tx.query(`update auth.users set banned_until = null where id = $1`, [volunteer.id]));
		}
	});

	it('when the cookie was signed with another key or altered', async () => {
		const cookies = await signedIn();
		const other = createEmbeddedAuth(db.driver, { secret: new TextEncoder().encode('x'.repeat(40)), secure: false, now: () => clock });
		expect((await other.resolve(cookies)).role).toBe('anon');
		const token = cookies.get(SESSION_COOKIE)!;
		const [h, p, s] = token.split('.');
		const forged = JSON.parse(Buffer.from(p, 'base64url').toString());
		forged.sub = coordinator.id;
		cookies.set(SESSION_COOKIE, [h, Buffer.from(JSON.stringify(forged)).toString('base64url'), s].join('.'), { path: '/' });
		expect((await auth.resolve(cookies)).role).toBe('anon');
	});
});

describe('TOTP', () => {
	const codeAt = (secret: string, at: Date) =>
		new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

	it('enrols, raises the session to aal2, is asked for at the next sign-in, and each code works once', async () => {
		const cookies = await signedIn(coordinator.email);
		let claims = await auth.resolve(cookies);
		expect(await auth.totpStatus(claims)).toBe('none');
		const { secret, uri } = await auth.startTotpEnrolment(cookies, claims);
		expect(uri).toMatch(/^otpauth:\/\/totp\//);
		// a reload shows the same secret, so a scanned code stays valid
		expect((await auth.startTotpEnrolment(cookies, claims)).secret).toBe(secret);
		expect(await auth.verifyTotp(cookies, claims, '000000')).toBe('invalid');
		expect(await auth.verifyTotp(cookies, claims, codeAt(secret, clock))).toBe('verified');
		claims = await auth.resolve(cookies);
		expect(claims.aal).toBe('aal2');
		expect(await auth.totpStatus(claims)).toBe('verified');

		advance(1);
		const next = cookieJar();
		expect(await auth.signIn(next, coordinator.email, DEMO_PASSWORD, null)).toEqual({ ok: true, needsTotp: true });
		const fresh = await auth.resolve(next);
		expect(fresh.aal).toBe('aal1');
		const code = codeAt(secret, clock);
		expect(await auth.verifyTotp(next, fresh, code)).toBe('verified');
		expect((await auth.resolve(next)).aal).toBe('aal2');
		// the same code again, in another session: refused (replay)
		const third = cookieJar();
		await auth.signIn(third, coordinator.email, DEMO_PASSWORD, null);
		expect(await auth.verifyTotp(third, await auth.resolve(third), code)).toBe('invalid');
	});

	/** A wrong code that can never be right at this moment (the current code plus one, mod 10⁶). */
	const wrongAt = (secret: string, at: Date) => String((Number(codeAt(secret, at)) + 1) % 1_000_000).padStart(6, '0');
	/** Moves the user's recorded TOTP events back in time, as if that many minutes had passed. */
	const ageTotpEvents = (userId: string, minutes: number) =>
		db.system((tx) =>
			tx.query(`update private.rate_events set at = at - $2 * interval '1 minute' where bucket = 'totp' and key_hash = $1`, [
				userId,
				minutes
			])
		);

	async function enrolled(user: (typeof DEMO_USERS)[number]) {
		const cookies = await signedIn(user.email);
		const claims = await auth.resolve(cookies);
		const { secret } = await auth.startTotpEnrolment(cookies, claims);
		expect(await auth.verifyTotp(cookies, claims, codeAt(secret, clock))).toBe('verified');
		advance(1);
		const next = cookieJar();
		expect(await auth.signIn(next, user.email, DEMO_PASSWORD, null)).toEqual({ ok: true, needsTotp: true });
		return { secret, cookies: next, claims: await auth.resolve(next) };
	}

	it('refuses even the right code after five wrong ones, until the window passes; another user is not affected', async () => {
		const moderator = DEMO_USERS.find((u) => u.role === 'moderator')!;
		const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
		const a = await enrolled(moderator);
		const b = await enrolled(admin);
		for (let i = 0; i < 5; i++) expect(await auth.verifyTotp(a.cookies, a.claims, wrongAt(a.secret, clock))).toBe('invalid');
		expect(await auth.verifyTotp(a.cookies, a.claims, codeAt(a.secret, clock))).toBe('rate_limited');
		expect((await auth.resolve(a.cookies)).aal).toBe('aal1');
		// a new session does not start a new count: the limit is the user's
		const other = cookieJar();
		await auth.signIn(other, moderator.email, DEMO_PASSWORD, null);
		expect(await auth.verifyTotp(other, await auth.resolve(other), codeAt(a.secret, clock))).toBe('rate_limited');

		// the other user, meanwhile, signs in with one wrong code and then the right one
		expect(await auth.verifyTotp(b.cookies, b.claims, wrongAt(b.secret, clock))).toBe('invalid');
		expect(await auth.verifyTotp(b.cookies, b.claims, codeAt(b.secret, clock))).toBe('verified');
		expect((await auth.resolve(b.cookies)).aal).toBe('aal2');

		// 14 minutes on, still refused; past 15, the right code works
		await ageTotpEvents(moderator.id, 14);
		expect(await auth.verifyTotp(a.cookies, a.claims, codeAt(a.secret, clock))).toBe('rate_limited');
		await ageTotpEvents(moderator.id, 2);
		expect(await auth.verifyTotp(a.cookies, a.claims, codeAt(a.secret, clock))).toBe('verified');
		expect((await auth.resolve(a.cookies)).aal).toBe('aal2');
	});

	it('counts only wrong codes: right ones hand their slot back', async () => {
		const agency = DEMO_USERS.find((u) => u.role === 'agency_staff')!;
		const a = await enrolled(agency);
		for (let i = 0; i < 4; i++) expect(await auth.verifyTotp(a.cookies, a.claims, wrongAt(a.secret, clock))).toBe('invalid');
		// right codes in later time steps, many times over: none of them uses the window up
		for (let i = 0; i < 6; i++) {
			advance(1);
			const cookies = cookieJar();
			await auth.signIn(cookies, agency.email, DEMO_PASSWORD, null);
			expect(await auth.verifyTotp(cookies, await auth.resolve(cookies), codeAt(a.secret, clock))).toBe('verified');
		}
		// the fifth wrong code still counts, and then the window is full
		expect(await auth.verifyTotp(a.cookies, a.claims, wrongAt(a.secret, clock))).toBe('invalid');
		advance(1);
		expect(await auth.verifyTotp(a.cookies, a.claims, codeAt(a.secret, clock))).toBe('rate_limited');
	});

	it('limits the enrolment code the same way', async () => {
		const cookies = await signedIn(volunteer.email);
		const claims = await auth.resolve(cookies);
		const { secret } = await auth.startTotpEnrolment(cookies, claims);
		for (let i = 0; i < 5; i++) expect(await auth.verifyTotp(cookies, claims, wrongAt(secret, clock))).toBe('invalid');
		expect(await auth.verifyTotp(cookies, claims, codeAt(secret, clock))).toBe('rate_limited');
		expect(await auth.totpStatus(claims)).toBe('none');
		await ageTotpEvents(volunteer.id, 16);
		expect(await auth.verifyTotp(cookies, claims, codeAt(secret, clock))).toBe('verified');
		expect(await auth.totpStatus(claims)).toBe('verified');
	});
});
