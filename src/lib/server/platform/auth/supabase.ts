/**
 * The Supabase session adapter: @supabase/ssr cookie sessions, Supabase Auth sign-in and TOTP.
 * Claims come from getClaims(), which verifies the JWT (rule 10: never getSession() alone);
 * the session it names must still be live in auth.sessions (rule 9), so a sign-out elsewhere
 * or a revocation by an administrator ends it on the next request.
 */
import { createServerClient } from '@supabase/ssr';
import type { JwtPayload } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import WebSocket from 'ws';
import { ANON, type Claims, type Driver } from '../db/index';
import { asSystem } from '../db/system';
import type { Auth } from './port';

export interface SupabaseOptions {
	url: string;
	anonKey: string;
	/** Supabase Auth is the one HTTP service we cannot run here; tests pass a stand-in. */
	fetch?: typeof fetch;
}

/** The adapter's per-request client: the session lives in the request's cookies. */
export function supabaseClient(options: SupabaseOptions, cookies: Cookies) {
	return createServerClient(options.url, options.anonKey, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (list) => list.forEach(({ name, value, options: o }) => cookies.set(name, value, { ...o, path: '/' }))
		},
		// Node 20 has no global WebSocket and supabase-js refuses to construct a client without one
		// (STACK.md trap 5); `ws` is the transport on every Node version, so they all behave alike.
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
		global: options.fetch ? { fetch: options.fetch } : undefined
	});
}

export function createSupabaseAuth(driver: Driver, options: SupabaseOptions): Auth {
	const client = (cookies: Cookies) => supabaseClient(options, cookies);

	async function live(sessionId: string | undefined, userId: string): Promise<boolean> {
		if (!sessionId) return false;
		return asSystem(driver, async (tx) => {
			const rows = await tx.query(
				`select 1 from auth.sessions s join auth.users u on u.id = s.user_id
				 where s.id = $1 and s.user_id = $2 and (s.not_after is null or s.not_after > now())
				   and (u.banned_until is null or u.banned_until < now())`,
				[sessionId, userId]
			);
			return rows.length === 1;
		});
	}

	return {
		kind: 'supabase',

		async resolve(cookies) {
			const supabase = client(cookies); // outside the try: a client that cannot start is an error, not anon
			let c: JwtPayload;
			try {
				const { data, error } = await supabase.auth.getClaims();
				if (error || !data?.claims?.sub) return ANON;
				c = data.claims;
			} catch {
				// supabase-js throws, instead of answering an error, for some tokens a visitor can write
				// into their own cookie (an unknown alg under the real key id, a payload that is not JSON):
				// refused like any other unverified token, not a 500
				return ANON;
			}
			if (!(await live(c.session_id as string | undefined, c.sub))) return ANON;
			return {
				sub: c.sub,
				role: 'authenticated',
				email: c.email,
				aal: c.aal === 'aal2' ? 'aal2' : 'aal1',
				session_id: c.session_id as string
			} satisfies Claims;
		},

		async signIn(cookies, email, password) {
			const supabase = client(cookies);
			const { error } = await supabase.auth.signInWithPassword({ email: email.trim().toLowerCase(), password });
			if (error) {
				if (error.code === 'over_request_rate_limit' || error.status === 429) return { ok: false, reason: 'rate_limited' };
				if (error.code === 'email_not_confirmed') return { ok: false, reason: 'unconfirmed' };
				return { ok: false, reason: 'invalid' };
			}
			const { data } = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
			return { ok: true, needsTotp: data?.nextLevel === 'aal2' && data.currentLevel !== 'aal2' };
		},

		async signOut(cookies) {
			await client(cookies).auth.signOut({ scope: 'local' });
		},

		async signUp(cookies, input) {
			const { error } = await client(cookies).auth.signUp({
				email: input.email.trim().toLowerCase(),
				password: input.password,
				options: { emailRedirectTo: input.redirectTo, data: { display_name: input.displayName } }
			});
			if (error && (error.code === 'over_request_rate_limit' || error.code === 'over_email_send_rate_limit' || error.status === 429))
				return { ok: false, reason: 'rate_limited' };
			// Supabase answers an existing address like a new one and mails it itself
			return { ok: true, mail: 'sent_by_service' };
		},

		async confirmEmail(cookies, tokenHash) {
			if (!tokenHash || tokenHash.length > 2000) return 'invalid';
			const { error } = await client(cookies).auth.verifyOtp({ token_hash: tokenHash, type: 'email' });
			if (!error) return 'confirmed';
			return error.code === 'otp_expired' ? 'expired' : 'invalid';
		},

		async totpStatus(claims) {
			if (!claims.sub) return 'none';
			const found = await asSystem(driver, (tx) =>
				tx.query(`select 1 from auth.mfa_factors where user_id = $1 and factor_type = 'totp' and status = 'verified'`, [claims.sub])
			);
			return found.length ? 'verified' : 'none';
		},

		async startTotpEnrolment(cookies) {
			const supabase = client(cookies);
			// a previous, never confirmed enrolment would block a new one
			const { data: factors } = await supabase.auth.mfa.listFactors();
			for (const f of factors?.all ?? []) if (f.status === 'unverified') await supabase.auth.mfa.unenroll({ factorId: f.id });
			const { data, error } = await supabase.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'TOTP' });
			if (error || !data) throw error ?? new Error('TOTP enrolment failed');
			return { secret: data.totp.secret, uri: data.totp.uri };
		},

		async verifyTotp(cookies, _claims, code) {
			const supabase = client(cookies);
			const { data: factors } = await supabase.auth.mfa.listFactors();
			const factor = factors?.all.find((f) => f.factor_type === 'totp');
			if (!factor) return 'invalid';
			// GoTrue limits MFA challenges and verifications itself (per client IP address,
			// GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY, 15 a minute by default) and answers 429.
			const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId: factor.id, code });
			if (!error) return 'verified';
			return error.code === 'over_request_rate_limit' || error.status === 429 ? 'rate_limited' : 'invalid';
		}
	};
}
