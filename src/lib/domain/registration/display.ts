/**
 * A listing as people read it (labels, the schedule sentence), for diffs and history: what a
 * moderator compares is what the public would see, not raw codes.
 */
import { label } from '$lib/i18n/index';
import { m } from '$lib/paraglide/messages';
import { describe } from '../shared/schedule';
import type { Display } from './diff';
import { scheduleOf, type ActivityFields, type PlaceFields } from './place-values';

const list = (vocabulary: Parameters<typeof label>[0], codes: string[]) => codes.map((c) => label(vocabulary, c)).join('、');

export function placeDisplay(f: PlaceFields): Display {
	const fee =
		f.fee_kind === 'free'
			? m.reg_fee_free()
			: f.fee_kind === 'paid'
				? m.reg_fee_yen({ fee: f.fee_yen })
				: f.fee_kind === 'unknown'
					? m.reg_fee_unknown()
					: '';
	return [
		{ key: 'name', label: m.reg_field_name(), value: f.name },
		{ key: 'name_kana', label: m.reg_field_name_kana(), value: f.name_kana },
		{ key: 'category', label: m.reg_field_category(), value: f.category ? label('category', f.category) : '' },
		{ key: 'summary', label: m.reg_field_summary(), value: f.summary },
		{ key: 'description', label: m.reg_field_description(), value: f.description },
		{ key: 'target_groups', label: m.reg_field_target_groups(), value: list('target_group', f.target_groups) },
		{ key: 'accommodations', label: m.reg_field_accommodations(), value: list('accommodation', f.accommodations) },
		{ key: 'venue_type', label: m.reg_field_venue_type(), value: f.venue_type ? label('venue_type', f.venue_type) : '' },
		{ key: 'venue_name', label: m.reg_field_venue_name(), value: f.venue_name },
		{ key: 'fee', label: m.reg_field_fee(), value: fee },
		{ key: 'fee_note', label: m.reg_field_fee_note(), value: f.fee_note },
		{ key: 'accessibility', label: m.reg_field_accessibility(), value: f.accessibility },
		{ key: 'access_note', label: m.reg_field_access_note(), value: f.access_note },
		{ key: 'contact_phone', label: m.reg_field_contact_phone(), value: f.contact_phone },
		{ key: 'contact_email', label: m.reg_field_contact_email(), value: f.contact_email },
		{ key: 'website', label: m.reg_field_website(), value: f.website },
		{ key: 'disclosure', label: m.reg_field_disclosure(), value: f.disclosure ? label('disclosure_level', f.disclosure) : '' },
		{ key: 'address', label: m.reg_field_address(), value: [f.postal_code && `〒${f.postal_code}`, f.address].filter(Boolean).join(' ') },
		{
			key: 'location',
			label: m.reg_field_location(),
			value: f.lat && f.lon ? `${Number(f.lat).toFixed(5)}, ${Number(f.lon).toFixed(5)}` : ''
		}
	];
}

export function scheduleSentence(f: ActivityFields, locale: 'ja' | 'en' = 'ja'): string {
	const s = scheduleOf(f);
	if (!s) return f.schedule_note;
	return s.rrule === null ? f.schedule_note : describe(s, locale);
}

export function activityDisplay(f: ActivityFields, locale: 'ja' | 'en' = 'ja'): Display {
	return [
		{ key: 'title', label: m.reg_field_activity_title(), value: f.title },
		{ key: 'description', label: m.reg_field_description(), value: f.description },
		{ key: 'schedule', label: m.reg_field_schedule(), value: scheduleSentence(f, locale) },
		{ key: 'dtstart', label: m.reg_field_dtstart(), value: f.dtstart },
		{ key: 'until', label: m.reg_field_until(), value: f.until },
		{ key: 'schedule_note', label: m.reg_field_schedule_note(), value: f.schedule_note }
	];
}
