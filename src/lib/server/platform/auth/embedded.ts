/**
 * The embedded session adapter: users in auth.users (bcrypt through pgcrypto, as GoTrue stores
 * them), sessions in auth.sessions, a jose-signed httpOnly cookie that names the session.
 * The cookie alone is never enough: every request looks the session up, so sign-out,
 * revocation, bans and the idle timeout take effect at once.
 */
import type { Cookies } from '@sveltejs/kit';
import { SignJWT, jwtVerify } from 'jose';
import * as OTPAuth from 'otpauth';
import { ANON, type Claims, type Driver } from '../db/index';
import { asSystem } from '../db/system';
import { clientKey, deriveLinkKey, issueLink, spendLink, voidLinks } from '../links/index';
import type { Auth, ConfirmEmailResult, SignInResult, SignUpResult, TotpResult } from './port';
import { HOUR_MS, MINUTE_MS } from '$lib/domain/shared/schedule/jst';

export const SESSION_COOKIE = 'tm_session';
const ISSUER = 'tsunagari-map';

export interface EmbeddedOptions {
	secret: Uint8Array;
	/** secure cookies (https) */
	secure: boolean;
	now?: () => Date;
	/** a session unused this long ends */
	idleMinutes?: number;
	/** a session ends this long after sign-in, used or not */
	maxHours?: number;
	/** failed attempts per e-mail, and per IP address, within the window */
	limits?: { perEmail: number; perIp: number; windowMinutes: number };
	/** sign-ups per IP address per hour */
	signUpsPerHour?: number;
	/** how long an e-mail confirmation link works */
	confirmationHours?: number;
	/** wrong TOTP codes per user within the window (sign-in challenge and enrolment alike) */
	totpLimit?: { perUser: number; windowMinutes: number };
}

export function createEmbeddedAuth(driver: Driver, options: EmbeddedOptions): Auth {
	const now = options.now ?? (() => new Date());
	const idleMs = (options.idleMinutes ?? 30) * MINUTE_MS;
	const maxMs = (options.maxHours ?? 12) * HOUR_MS;
	const limits = options.limits ?? { perEmail: 5, perIp: 30, windowMinutes: 15 };
	const linkKey = deriveLinkKey(options.secret);
	const signUpsPerHour = options.signUpsPerHour ?? 10;
	const confirmationMs = (options.confirmationHours ?? 24) * HOUR_MS;
	const totpLimit = options.totpLimit ?? { perUser: 5, windowMinutes: 15 };

	async function writeCookie(cookies: Cookies, userId: string, sessionId: string, notAfter: Date) {
		const token = await new SignJWT({ sid: sessionId })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(ISSUER)
			.setSubject(userId)
			.setIssuedAt(Math.floor(now().getTime() / 1000))
			.setExpirationTime(Math.floor(notAfter.getTime() / 1000))
			.sign(options.secret);
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: options.secure,
			expires: notAfter
		});
	}

	function clear(cookies: Cookies) {
		cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure });
	}

	async function readCookie(cookies: Cookies): Promise<{ sub: string; sid: string } | null> {
		const token = cookies.get(SESSION_COOKIE);
		if (!token) return null;
		try {
			const { payload } = await jwtVerify(token, options.secret, {
				issuer: ISSUER,
				algorithms: ['HS256'],
				currentDate: now()
			});
			if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
			return { sub: payload.sub, sid: payload.sid };
		} catch {
			return null;
		}
	}

	async function totpFor(userId: string, status: 'verified' | 'unverified') {
		return asSystem(driver, async (tx) => {
			const [factor] = await tx.query<{ id: string; secret: string; last: Date | null; email: string; created: Date }>(
				`select f.id, f.secret, f.last_challenged_at as last, u.email, f.created_at as created
				 from auth.mfa_factors f join auth.users u on u.id = f.user_id
				 where f.user_id = $1 and f.status = $2 and f.factor_type = 'totp'
				 order by f.created_at desc limit 1`,
				[userId, status]
			);
			return factor;
		});
	}

	const totp = (secret: string, email: string) =>
		new OTPAuth.TOTP({
			issuer: 'つながりマップ',
			label: email,
			algorithm: 'SHA1',
			digits: 6,
			period: 30,
			secret: OTPAuth.Secret.fromBase32(secret)
		});

	return {
		kind: 'embedded',

		async resolve(cookies) {
			const token = await readCookie(cookies);
			if (!token) return ANON;
			const at = now();
			const claims = await asSystem(driver, async (tx) => {
				const [row] = await tx.query<{ aal: 'aal1' | 'aal2'; email: string; updated_at: Date; banned: boolean }>(
					`select s.aal, u.email, s.updated_at, coalesce(u.banned_until > $3, false) as banned
					 from auth.sessions s join auth.users u on u.id = s.user_id
					 where s.id = $1 and s.user_id = $2 and s.not_after > $3`,
					[token.sid, token.sub, at]
				);
				if (!row || row.banned || at.getTime() - row.updated_at.getTime() > idleMs) {
					if (row) await tx.query('delete from auth.sessions where id = $1', [token.sid]);
					return null;
				}
				// touching every request would be a write per page view; once a minute is enough
				if (at.getTime() - row.updated_at.getTime() > MINUTE_MS)
					await tx.query('update auth.sessions set updated_at = $2 where id = $1', [token.sid, at]);
				return { sub: token.sub, role: 'authenticated', email: row.email, aal: row.aal, session_id: token.sid } satisfies Claims;
			});
			if (!claims) clear(cookies);
			return claims ?? ANON;
		},

		async signIn(cookies, rawEmail, password, ip): Promise<SignInResult> {
			const email = rawEmail.trim().toLowerCase();
			const at = now();
			const since = new Date(at.getTime() - limits.windowMinutes * MINUTE_MS);
			const outcome = await asSystem(driver, async (tx) => {
				const [{ by_email, by_ip }] = await tx.query<{ by_email: number; by_ip: number }>(
					`select count(*) filter (where email = $1)::int as by_email,
					        count(*) filter (where ip = $2::inet)::int as by_ip
					 from private.sign_in_attempts where not succeeded and attempted_at > $3 and (email = $1 or ip = $2::inet)`,
					[email, ip, since]
				);
				if (by_email >= limits.perEmail || by_ip >= limits.perIp) return { result: { ok: false, reason: 'rate_limited' } as const };
				const [user] = await tx.query<{ id: string; ok: boolean; confirmed: boolean; banned: boolean }>(
					`select id, encrypted_password = extensions.crypt($2, encrypted_password) as ok,
					        email_confirmed_at is not null as confirmed, coalesce(banned_until > $3, false) as banned
					 from auth.users where email = $1 and encrypted_password is not null`,
					[email, password, at]
				);
				// an unknown e-mail costs the same bcrypt time as a wrong password
				if (!user) await tx.query(`select extensions.crypt($1, extensions.gen_salt('bf', 10))`, [password]);
				const passed = Boolean(user?.ok && !user.banned);
				await tx.query('insert into private.sign_in_attempts (email, ip, succeeded, attempted_at) values ($1, $2, $3, $4)', [
					email,
					ip,
					passed,
					at
				]);
				if (!user || !passed) return { result: { ok: false, reason: 'invalid' } as const };
				if (!user.confirmed) return { result: { ok: false, reason: 'unconfirmed' } as const };
				const notAfter = new Date(at.getTime() + maxMs);
				const [session] = await tx.query<{ id: string }>(
					`insert into auth.sessions (id, user_id, aal, not_after, created_at, updated_at, ip)
					 values (gen_random_uuid(), $1, 'aal1', $2, $3, $3, $4) returning id`,
					[user.id, notAfter, at, ip]
				);
				const [{ has_totp }] = await tx.query<{ has_totp: boolean }>(
					`select exists (select from auth.mfa_factors where user_id = $1 and status = 'verified') as has_totp`,
					[user.id]
				);
				return { result: { ok: true, needsTotp: has_totp } as const, session: { userId: user.id, id: session.id, notAfter } };
			});
			if (outcome.session) await writeCookie(cookies, outcome.session.userId, outcome.session.id, outcome.session.notAfter);
			return outcome.result;
		},

		async signOut(cookies, claims) {
			if (claims.session_id) await asSystem(driver, (tx) => tx.query('delete from auth.sessions where id = $1', [claims.session_id]));
			clear(cookies);
		},

		async signUp(_cookies, input): Promise<SignUpResult> {
			const email = input.email.trim().toLowerCase();
			const at = now();
			const outcome = await asSystem(driver, async (tx) => {
				const [{ ok }] = await tx.query<{ ok: boolean }>(`select private.take_rate('sign_up', $1, $2, interval '1 hour') as ok`, [
					clientKey(linkKey, input.ip ?? 'unknown'),
					signUpsPerHour
				]);
				if (!ok) return { rateLimited: true } as const;
				const [existing] = await tx.query<{ id: string; confirmed: boolean }>(
					'select id, email_confirmed_at is not null as confirmed from auth.users where email = $1',
					[email]
				);
				// every path costs one bcrypt, so timing does not tell which one ran
				if (existing?.confirmed) {
					await tx.query(`select extensions.crypt($1, extensions.gen_salt('bf', 10))`, [input.password]);
					return { exists: true } as const;
				}
				const meta = JSON.stringify({ display_name: input.displayName });
				let userId: string;
				if (existing) {
					// a new sign-up for an unconfirmed address replaces the password and voids older links,
					// so whoever confirms gets the account as last requested
					await tx.query(
						`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)),
						   raw_user_meta_data = $3::jsonb, updated_at = $4 where id = $1`,
						[existing.id, input.password, meta, at]
					);
					await voidLinks(tx, 'email_confirmation', existing.id, at);
					userId = existing.id;
				} else {
					const [row] = await tx.query<{ id: string }>(
						`insert into auth.users (id, aud, role, email, encrypted_password, raw_user_meta_data, created_at, updated_at)
						 values (gen_random_uuid(), 'authenticated', 'authenticated', $1, extensions.crypt($2, extensions.gen_salt('bf', 10)), $3::jsonb, $4, $4)
						 returning id`,
						[email, input.password, meta, at]
					);
					userId = row.id;
				}
				const expiresAt = new Date(at.getTime() + confirmationMs);
				const token = await issueLink(tx, linkKey, { purpose: 'email_confirmation', subject: userId, expiresAt, now: at });
				return { token, expiresAt } as const;
			});
			if ('rateLimited' in outcome) return { ok: false, reason: 'rate_limited' };
			if ('exists' in outcome) return { ok: true, mail: 'exists' };
			return { ok: true, mail: 'confirmation', token: outcome.token, expiresAt: outcome.expiresAt };
		},

		async confirmEmail(_cookies, token): Promise<ConfirmEmailResult> {
			const at = now();
			const spent = await spendLink(driver, linkKey, 'email_confirmation', token, at, async (tx, userId) => {
				await tx.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, $2), updated_at = $2 where id = $1', [
					userId,
					at
				]);
			});
			return spent.state === 'ok' ? 'confirmed' : spent.state;
		},

		async totpStatus(claims) {
			if (!claims.sub) return 'none';
			return (await totpFor(claims.sub, 'verified')) ? 'verified' : 'none';
		},

		async startTotpEnrolment(_cookies, claims) {
			if (!claims.sub) throw new Error('sign in first');
			const at = now();
			// A page reload or a mistyped code must not replace a secret the user has just scanned.
			const pending = await totpFor(claims.sub, 'unverified');
			if (pending && pending.created.getTime() > at.getTime() - 30 * MINUTE_MS)
				return { secret: pending.secret, uri: totp(pending.secret, pending.email).toString() };
			const secret = new OTPAuth.Secret({ size: 20 }).base32;
			const email = await asSystem(driver, async (tx) => {
				await tx.query(`delete from auth.mfa_factors where user_id = $1 and status = 'unverified'`, [claims.sub]);
				await tx.query(
					`insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
					 values (gen_random_uuid(), $1, 'TOTP', 'totp', 'unverified', $2, $3, $3)`,
					[claims.sub, secret, at]
				);
				return (await tx.query<{ email: string }>('select email from auth.users where id = $1', [claims.sub]))[0].email;
			});
			return { secret, uri: totp(secret, email).toString() };
		},

		async verifyTotp(cookies, claims, code): Promise<TotpResult> {
			if (!claims.sub || !claims.session_id || !/^\d{6}$/.test(code)) return 'invalid';
			const userId = claims.sub;
			const factor = (await totpFor(userId, 'verified')) ?? (await totpFor(userId, 'unverified'));
			if (!factor) return 'invalid';
			// A code is checked only after it has taken a slot in the user's window, committed, so
			// guesses sent in parallel (or to other processes) queue on take_rate's lock and at most
			// perUser of them are ever checked. A right code hands its slot back below: only wrong
			// codes use the window up, and a success does not refill it for someone still guessing.
			const [{ ok }] = await asSystem(driver, (tx) =>
				tx.query<{ ok: boolean }>(`select private.take_rate('totp', $1, $2, $3 * interval '1 minute') as ok`, [
					userId,
					totpLimit.perUser,
					totpLimit.windowMinutes
				])
			);
			if (!ok) return 'rate_limited';
			const at = now();
			const delta = totp(factor.secret, factor.email).validate({ token: code, timestamp: at.getTime(), window: 1 });
			if (delta === null) return 'invalid';
			// each code works once: its time step must be later than the last one accepted
			const step = Math.floor(at.getTime() / 30_000) + delta;
			if (factor.last && Math.floor(factor.last.getTime() / 30_000) >= step) return 'invalid';
			await asSystem(driver, async (tx) => {
				await tx.query(
					`delete from private.rate_events where id = (
					   select id from private.rate_events where bucket = 'totp' and key_hash = $1 order by at desc, id desc limit 1)`,
					[userId]
				);
				// the accepted step's start, plus the clock's microseconds: GoTrue keeps last_challenged_at
				// unique across factors, and two people may well verify within one 30-second step
				await tx.query(
					`update auth.mfa_factors
					 set status = 'verified', updated_at = $3,
					     last_challenged_at = $2::timestamptz + (extract(microseconds from clock_timestamp())::bigint % 1000000) * interval '1 microsecond'
					 where id = $1`,
					[factor.id, new Date(step * 30_000), at]
				);
				await tx.query(`delete from auth.mfa_factors where user_id = $1 and id <> $2`, [claims.sub, factor.id]);
				await tx.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = $3 where id = $1`, [
					claims.session_id,
					factor.id,
					at
				]);
			});
			return 'verified';
		}
	};
}
