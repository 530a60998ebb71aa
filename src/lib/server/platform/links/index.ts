/**
 * Single-use signed links: one way to issue them, one way to look at them, one way to spend them,
 * whatever they are for (e-mail confirmation, 「変わりありません」, a host's or an agency's reply).
 * The JWT's signature and expiry are checked before the database is asked; the row in
 * private.signed_links makes the link single-use and lets a sender void it.
 */
import { asSystem } from '../db/system';
import type { Driver, Tx } from '../db/types';
import { signLink, verifyLink, type LinkPurpose } from './tokens';

export { deriveLinkKey, signLink, verifyLink, newNonce, sha256Hex, clientKey, stampForm, formAge } from './tokens';
export type { LinkPurpose, LinkClaims, VerifiedLink } from './tokens';
export { linkKey } from './keys';

export type LinkState = 'ok' | 'used' | 'expired' | 'invalid';
type Refusal = Exclude<LinkState, 'ok'>;

/** Writes the row and signs the link for it, in the caller's (system) transaction. */
export async function issueLink(
	tx: Tx,
	key: Uint8Array,
	l: { purpose: LinkPurpose; subject: string; expiresAt: Date; now?: Date }
): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		`insert into private.signed_links (purpose, subject_id, expires_at, created_at) values ($1, $2, $3, $4) returning id`,
		[l.purpose, l.subject, l.expiresAt, l.now ?? new Date()]
	);
	return signLink(key, {
		purpose: l.purpose,
		subject: l.subject,
		jti: row.id,
		expiresAt: l.expiresAt
	});
}

/** Voids every unspent link of a purpose for a subject (e.g. a new sign-up for the same address). */
export async function voidLinks(tx: Tx, purpose: LinkPurpose, subject: string, now: Date): Promise<void> {
	await tx.query(`update private.signed_links set used_at = $3 where purpose = $1 and subject_id = $2 and used_at is null`, [
		purpose,
		subject,
		now
	]);
}

async function rowState(tx: Tx, purpose: LinkPurpose, jti: string, subject: string, now: Date, lock: boolean): Promise<LinkState> {
	const [row] = await tx.query<{ used: boolean; expired: boolean }>(
		`select used_at is not null as used, expires_at <= $4 as expired from private.signed_links
		 where id = $1 and purpose = $2 and subject_id = $3 ${lock ? 'for update' : ''}`,
		[jti, purpose, subject, now]
	);
	if (!row) return 'invalid';
	if (row.used) return 'used';
	return row.expired ? 'expired' : 'ok';
}

/**
 * What a link's page shows before anyone acts (GET must never spend: mail scanners open links).
 * `read` runs on the system path for every state but 'invalid', so a page can say what a used or
 * expired link was for.
 */
export async function viewLink<T>(
	driver: Driver,
	key: Uint8Array,
	purpose: LinkPurpose,
	token: string,
	now: Date,
	read: (tx: Tx, subject: string, state: LinkState) => Promise<T>
): Promise<{ state: LinkState; value: T | null }> {
	const link = await verifyLink(key, purpose, token, now);
	if (!link.ok) return { state: link.reason, value: null };
	return asSystem(driver, async (tx) => {
		const state = await rowState(tx, purpose, link.jti, link.subject, now, false);
		if (state === 'invalid') return { state, value: null };
		return { state, value: await read(tx, link.subject, state) };
	});
}

const KEEP = Symbol('keep the link');
/** Returned by a `use` callback: the answer is `value`, and the link stays unspent. */
export const keepLink = <T>(value: T) => ({ [KEEP]: true as const, value });
type Kept<T> = ReturnType<typeof keepLink<T>>;

/**
 * THE way a single-use link is spent: signature and expiry, then in one system transaction the
 * row locked (two taps at once count once), refused when used or expired, `use` run, and the link
 * marked spent — unless `use` returned keepLink(…), for a subject no longer waiting for it.
 */
export async function spendLink<T>(
	driver: Driver,
	key: Uint8Array,
	purpose: LinkPurpose,
	token: string,
	now: Date,
	use: (tx: Tx, subject: string) => Promise<T | Kept<T>>
): Promise<{ state: 'ok'; value: T } | { state: Refusal }> {
	const link = await verifyLink(key, purpose, token, now);
	if (!link.ok) return { state: link.reason };
	return asSystem(driver, async (tx) => {
		const state = await rowState(tx, purpose, link.jti, link.subject, now, true);
		if (state !== 'ok') return { state };
		const result = await use(tx, link.subject);
		if (typeof result === 'object' && result !== null && KEEP in result) return { state: 'ok', value: (result as Kept<T>).value };
		await tx.query('update private.signed_links set used_at = $2 where id = $1', [link.jti, now]);
		return { state: 'ok', value: result as T };
	});
}
