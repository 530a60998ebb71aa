/**
 * Mails the person who filed a request when a moderator decides it. A background notification:
 * it runs after the moderator's transaction and uses the system path only to find the
 * requester's address (which the moderator may not read).
 */
import { asSystem } from '../platform/db/system';
import type { Driver } from '../platform/db/types';
import type { Mailer } from '../platform/mail/index';
import { decisionMail } from './mails';

export async function notifyDecision(
	driver: Driver,
	mailer: Mailer,
	requestId: string,
	links: { listing: string },
	locale: 'ja' | 'en'
): Promise<boolean> {
	const found = await asSystem(driver, async (tx) => {
		const [row] = await tx.query<{ email: string | null; place: string; status: string; reason: string | null; municipality_id: string }>(
			`select u.email, p.name as place, c.status, c.reason, c.municipality_id
			 from public.change_requests c join public.places p on p.id = c.place_id left join auth.users u on u.id = c.created_by
			 where c.id = $1`,
			[requestId]
		);
		return row;
	});
	if (!found?.email || (found.status !== 'approved' && found.status !== 'returned')) return false;
	await mailer.send(
		decisionMail(
			found.email,
			{
				place: found.place,
				approved: found.status === 'approved',
				reason: found.reason ?? '',
				link: links.listing,
				municipalityId: found.municipality_id
			},
			locale
		)
	);
	return true;
}
