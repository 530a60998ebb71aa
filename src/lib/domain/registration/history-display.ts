/**
 * A history entry's fields as people read them: labels instead of column names, the schedule
 * as its Japanese sentence (never the raw RRULE), codes as their labels, ids left out.
 */
import { participationLabel } from '$lib/i18n/participation';
import { label } from '$lib/i18n/index';
import { m } from '$lib/paraglide/messages';
import { describe, type Closure } from '../shared/schedule';
import { formatWareki } from '../shared/wareki';

const HIDDEN = new Set(['verified_by', 'area_id', 'activity_id', 'exdates', 'id', 'created_by']);

const LABELS: Record<string, () => string> = {
	name: m.reg_field_name,
	name_kana: m.reg_field_name_kana,
	category: m.reg_field_category,
	summary: m.reg_field_summary,
	description: m.reg_field_description,
	target_groups: m.reg_field_target_groups,
	accommodations: m.reg_field_accommodations,
	venue_type: m.reg_field_venue_type,
	venue_name: m.reg_field_venue_name,
	fee_yen: m.reg_field_fee,
	fee_note: m.reg_field_fee_note,
	accessibility: m.reg_field_accessibility,
	access_note: m.reg_field_access_note,
	contact_phone: m.reg_field_contact_phone,
	contact_email: m.reg_field_contact_email,
	website: m.reg_field_website,
	disclosure: m.reg_field_disclosure,
	status: m.reg_field_status,
	verified_at: m.reg_field_verified_at,
	address: m.reg_field_address,
	postal_code: m.reg_field_postal_code,
	lon: m.reg_picker_lon,
	lat: m.reg_picker_lat,
	title: m.reg_field_activity_title,
	rrule: m.reg_field_schedule,
	dtstart: m.reg_field_dtstart,
	until: m.reg_field_until,
	start_time: m.reg_schedule_start_time,
	end_time: m.reg_schedule_end_time,
	holiday_policy: m.reg_schedule_holiday,
	closures: m.reg_schedule_closures,
	schedule_note: m.reg_field_schedule_note,
	capacity: m.reg_opening_capacity,
	visibility: m.reg_opening_visibility,
	age_min: m.reg_opening_age_min,
	age_max: m.reg_opening_age_max,
	interests: m.reg_opening_interests,
	goals: m.reg_opening_goals
};

const CODES: Record<string, Parameters<typeof label>[0]> = {
	category: 'category',
	venue_type: 'venue_type',
	disclosure: 'disclosure_level',
	status: 'place_status'
};

function text(key: string, v: unknown, locale: 'ja' | 'en'): string {
	if (v === null || v === undefined || v === '') return '';
	if (key === 'rrule' && typeof v === 'string')
		return describe(
			{ rrule: v, dtstart: '2026-01-01', startTime: null, endTime: null, exdates: [], holidayPolicy: 'hold', closures: [] },
			locale
		);
	if (key === 'holiday_policy') return v === 'skip' ? m.reg_holiday_skip() : m.reg_holiday_hold();
	if (key === 'closures' && Array.isArray(v))
		return (v as Closure[]).map((c) => `${c.from}〜${c.to}${c.label ? `（${c.label}）` : ''}`).join('、');
	if (key === 'target_groups' && Array.isArray(v)) return v.map((c) => label('target_group', String(c))).join('、');
	if (key === 'accommodations' && Array.isArray(v)) return v.map((c) => label('accommodation', String(c))).join('、');
	if (key === 'interests' && Array.isArray(v)) return v.map((c) => participationLabel('interest', String(c))).join('、');
	if (key === 'goals' && Array.isArray(v)) return v.map((c) => participationLabel('goal', String(c))).join('、');
	if (key === 'fee_yen') return v === 0 ? m.reg_fee_free() : m.reg_fee_yen({ fee: String(v) });
	if (key === 'verified_at') return formatWareki(new Date(String(v)));
	if (key === 'start_time' || key === 'end_time') return String(v).slice(0, 5);
	if (CODES[key]) return label(CODES[key], String(v));
	if (Array.isArray(v)) return v.join('、');
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

export interface HistoryField {
	key: string;
	label: string;
	before: string;
	after: string;
}

export function historyFields(
	before: Record<string, unknown> | null,
	after: Record<string, unknown> | null,
	locale: 'ja' | 'en'
): HistoryField[] {
	const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
	return keys.map((k) => ({ key: k, label: LABELS[k]?.() ?? k, before: text(k, before?.[k], locale), after: text(k, after?.[k], locale) }));
}
