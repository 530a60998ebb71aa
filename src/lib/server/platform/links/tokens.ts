/**
 * Signed links: a JWT (HS256) naming its purpose (audience), its subject, an expiry and an id
 * (jti) of the database row that makes it single-use. The key is derived from the session
 * secret, so a session cookie can never pass for a link and the other way round.
 * The signature rejects forged and expired links before the database is asked.
 */
import { createHmac, randomBytes, createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export type LinkPurpose = 'email_confirmation' | 'freshness' | 'invitation' | 'host_reply';

const ISSUER = 'tsunagari-map/links';

export interface LinkClaims {
	purpose: LinkPurpose;
	/** the user, place or invitation */
	subject: string;
	/** the single-use row */
	jti: string;
	/** invitations: the secret whose hash the row keeps */
	nonce?: string;
	/** what the link is about, shown before sign-in (e.g. the organisation's name); signed, not secret */
	label?: string;
	expiresAt: Date;
}

/** The key for links, derived from the session secret (so neither can pass for the other). */
export function deriveLinkKey(sessionSecret: Uint8Array): Uint8Array {
	return new Uint8Array(createHmac('sha256', sessionSecret).update('tsunagari-map signed links v1').digest());
}

export async function signLink(key: Uint8Array, c: LinkClaims): Promise<string> {
	return new SignJWT({ ...(c.nonce ? { n: c.nonce } : {}), ...(c.label ? { l: c.label } : {}) })
		.setProtectedHeader({ alg: 'HS256' })
		.setIssuer(ISSUER)
		.setAudience(c.purpose)
		.setSubject(c.subject)
		.setJti(c.jti)
		.setIssuedAt()
		.setExpirationTime(Math.floor(c.expiresAt.getTime() / 1000))
		.sign(key);
}

export type VerifiedLink =
	| { ok: true; subject: string; jti: string; nonce: string | null; label: string | null; expiresAt: Date }
	| { ok: false; reason: 'invalid' | 'expired' };

export async function verifyLink(key: Uint8Array, purpose: LinkPurpose, token: string, now = new Date()): Promise<VerifiedLink> {
	if (!token || token.length > 2000) return { ok: false, reason: 'invalid' };
	try {
		const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: purpose, algorithms: ['HS256'], currentDate: now });
		if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number')
			return { ok: false, reason: 'invalid' };
		return {
			ok: true,
			subject: payload.sub,
			jti: payload.jti,
			nonce: typeof payload.n === 'string' ? payload.n : null,
			label: typeof payload.l === 'string' ? payload.l : null,
			expiresAt: new Date(payload.exp * 1000)
		};
	} catch (e) {
		return { ok: false, reason: (e as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
	}
}

export const newNonce = () => randomBytes(24).toString('base64url');
export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** A keyed hash for rate limits (never store a raw IP address). */
export function clientKey(key: Uint8Array, value: string): string {
	return createHmac('sha256', key).update(`client:${value}`).digest('base64url').slice(0, 32);
}

/** A form's opening time, signed, for spotting bots that post faster than people type. */
export function stampForm(key: Uint8Array, now = Date.now()): string {
	return `${now}.${createHmac('sha256', key).update(`form-started:${now}`).digest('base64url').slice(0, 22)}`;
}

/** How long ago the stamped form was opened (ms), or null when the stamp is not ours. */
export function formAge(key: Uint8Array, stamp: string, now = Date.now()): number | null {
	const m = /^(\d{10,16})\.([A-Za-z0-9_-]{22})$/.exec(stamp);
	if (!m) return null;
	const expected = createHmac('sha256', key).update(`form-started:${m[1]}`).digest('base64url').slice(0, 22);
	return expected === m[2] ? now - Number(m[1]) : null;
}
