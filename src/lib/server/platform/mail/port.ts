/** Every e-mail the app sends goes through this port. */
export type MailKind =
	'email_confirmation' | 'account_exists' | 'invitation' | 'freshness_reminder' | 'review_decision' | 'host_request' | 'host_reminder';

export interface MailMessage {
	kind: MailKind;
	to: string;
	subject: string;
	text: string;
	/** the tenant it concerns; null for account mail (sign-up) */
	municipalityId: string | null;
}

export interface Mailer {
	/** 'smtp' when SMTP_URL is set; 'outbox' = kept in the database for tenant admins to read */
	readonly kind: 'smtp' | 'outbox';
	send(message: MailMessage): Promise<void>;
}
