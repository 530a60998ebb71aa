/**
 * The outbox adapter: without an SMTP server (the demo, a closed municipal network) mail is
 * written to private.mail_outbox, which the municipality's tenant administrators read in the
 * app (/moderation/outbox) and pass on. Written through the system path because the mailer is
 * infrastructure, like the session adapter: a sign-up has no user yet, and no user may write
 * the outbox directly.
 */
import type { Driver } from '../db/types';
import { asSystem } from '../db/system';
import type { Mailer } from './port';

export function createOutboxMailer(driver: Driver): Mailer {
	return {
		kind: 'outbox',
		async send(message) {
			await asSystem(driver, (tx) =>
				tx.query(`insert into private.mail_outbox (municipality_id, kind, to_address, subject, body) values ($1, $2, $3, $4, $5)`, [
					message.municipalityId,
					message.kind,
					message.to,
					message.subject,
					message.text
				])
			);
		}
	};
}
