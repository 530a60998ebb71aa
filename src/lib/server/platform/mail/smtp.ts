/** The SMTP adapter (nodemailer), used when SMTP_URL is set, e.g. smtps://user:pass@mail.example.jp:465. */
import nodemailer from 'nodemailer';
import type { Mailer } from './port';

export function createSmtpMailer(url: string, from: string): Mailer {
	const transport = nodemailer.createTransport(url);
	return {
		kind: 'smtp',
		async send(message) {
			await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
		}
	};
}
