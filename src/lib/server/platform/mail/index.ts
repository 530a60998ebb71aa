/**
 * Picks the mail adapter: SMTP when SMTP_URL is set, else the database outbox.
 * MAIL_FROM is the sender (default: つながりマップ <no-reply@localhost>).
 */
import type { Driver } from '../db/types';
import { createOutboxMailer } from './outbox';
import type { Mailer } from './port';
import { createSmtpMailer } from './smtp';

export type { Mailer, MailKind, MailMessage } from './port';

export function createMailer(driver: Driver, env: Record<string, string | undefined> = process.env): Mailer {
	if (env.SMTP_URL) return createSmtpMailer(env.SMTP_URL, env.MAIL_FROM || 'つながりマップ <no-reply@localhost>');
	return createOutboxMailer(driver);
}
