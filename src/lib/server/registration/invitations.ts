/** Invitation links: a signed JWT carrying the invitation id, its nonce and the organisation's name. */
import { invitationMail } from './mails';
import type { Tx } from '../platform/db/types';
import { createInvitation } from './organizations';
import type { Services } from '../platform/services';
import { newNonce, sha256Hex, signLink } from '../platform/links/tokens';
import { formatWareki } from '$lib/domain/shared/wareki';
import { DAY_MS } from '$lib/domain/shared/schedule/jst';

export const INVITATION_DAYS = 7;

export async function issueInvitation(
	tx: Tx,
	reg: Pick<Services, 'linkKey'>,
	i: {
		id: string;
		organizationId: string;
		organizationName: string;
		email: string | null;
		/** e.g. https://example.jp/invite */ base: string;
		now?: Date;
	}
): Promise<{ link: string; expiresAt: Date } | null> {
	const now = i.now ?? new Date();
	const nonce = newNonce();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
	const created = await createInvitation(tx, {
		id: i.id,
		organizationId: i.organizationId,
		email: i.email,
		nonceHash: sha256Hex(nonce),
		expiresAt
	});
	if (!created) return null;
	const token = await signLink(reg.linkKey, {
		purpose: 'invitation',
		subject: i.id,
		jti: i.id,
		nonce,
		label: i.organizationName,
		expiresAt
	});
	return { link: `${i.base}/${token}`, expiresAt };
}

export async function mailInvitation(
	reg: Pick<Services, 'mailer'>,
	p: { to: string; organization: string; inviter: string; link: string; expiresAt: Date; municipalityId: string },
	locale: 'ja' | 'en'
): Promise<void> {
	await reg.mailer.send(
		invitationMail(
			p.to,
			{
				organization: p.organization,
				inviter: p.inviter,
				link: p.link,
				expires: formatWareki(p.expiresAt),
				municipalityId: p.municipalityId
			},
			locale
		)
	);
}
