/**
 * The mails, in the recipient's language (Japanese unless the request was in English), from
 * the message catalogue. Links are absolute, built from the request's origin.
 */
import { m } from '$lib/paraglide/messages';
import type { MailMessage } from '../platform/mail/port';

type Locale = 'ja' | 'en';
const opt = (locale: Locale) => ({ locale });
const signature = (locale: Locale) => `\n\n--\n${m.reg_mail_signature({}, opt(locale))}`;

export function confirmationMail(to: string, link: string, locale: Locale): MailMessage {
	return {
		kind: 'email_confirmation',
		to,
		municipalityId: null,
		subject: m.reg_mail_confirm_subject({}, opt(locale)),
		text: m.reg_mail_confirm_body({ link }, opt(locale)) + signature(locale)
	};
}

export function accountExistsMail(to: string, signInLink: string, locale: Locale): MailMessage {
	return {
		kind: 'account_exists',
		to,
		municipalityId: null,
		subject: m.reg_mail_exists_subject({}, opt(locale)),
		text: m.reg_mail_exists_body({ link: signInLink }, opt(locale)) + signature(locale)
	};
}

export function invitationMail(
	to: string,
	p: { organization: string; inviter: string; link: string; expires: string; municipalityId: string },
	locale: Locale
): MailMessage {
	return {
		kind: 'invitation',
		to,
		municipalityId: p.municipalityId,
		subject: m.reg_mail_invite_subject({ organization: p.organization }, opt(locale)),
		text:
			m.reg_mail_invite_body({ organization: p.organization, inviter: p.inviter, link: p.link, expires: p.expires }, opt(locale)) +
			signature(locale)
	};
}

export function freshnessMail(
	to: string,
	p: { place: string; confirmLink: string; editLink: string; expires: string; municipalityId: string },
	locale: Locale
): MailMessage {
	return {
		kind: 'freshness_reminder',
		to,
		municipalityId: p.municipalityId,
		subject: m.reg_mail_fresh_subject({ place: p.place }, opt(locale)),
		text:
			m.reg_mail_fresh_body({ place: p.place, confirm: p.confirmLink, edit: p.editLink, expires: p.expires }, opt(locale)) +
			signature(locale)
	};
}

export function decisionMail(
	to: string,
	p: { place: string; approved: boolean; reason: string; link: string; municipalityId: string },
	locale: Locale
): MailMessage {
	return {
		kind: 'review_decision',
		to,
		municipalityId: p.municipalityId,
		subject: p.approved
			? m.reg_mail_approved_subject({ place: p.place }, opt(locale))
			: m.reg_mail_returned_subject({ place: p.place }, opt(locale)),
		text:
			(p.approved
				? m.reg_mail_approved_body({ place: p.place, link: p.link }, opt(locale))
				: m.reg_mail_returned_body({ place: p.place, reason: p.reason, link: p.link }, opt(locale))) + signature(locale)
	};
}
