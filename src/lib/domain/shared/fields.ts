/**
 * Field builders shared by the registration forms (organisation, place, activity, opening,
 * sign-up, 情報提供). Every message comes from the catalogue (messages/registration) and shows
 * next to its field; values are tidied (全角 digits, dashes, spaces) before they are checked,
 * and the tidied value is what the form shows after a round trip.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	inJapanOutline,
	isDate,
	isPhone,
	isTime,
	normalizeDate,
	normalizeDecimal,
	normalizeInteger,
	normalizePhone,
	normalizePostalCode,
	normalizeTime,
	tidy,
	tidyLine
} from './normalize';
import { graphemeCount, normalizeText } from './text';

/** A tag or comment opening: '<script', '</b', '<!--', '<img'. Plain '<' (1 < 2) passes. */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;
// control characters are exactly what this refuses
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const tooLong = (max: number) => () => m.reg_error_too_long({ max });

function plain<T extends z.ZodString>(s: T): T {
	return s
		.refine((v) => !MARKUP.test(v), { error: () => m.reg_error_markup() })
		.refine((v) => !CONTROL.test(v), { error: () => m.reg_error_control() }) as T;
}

/** At most `max` characters as a person counts them (graphemes: 👨‍👩‍👧‍👦 is one). */
function atMost<T extends z.ZodString>(s: T, max: number): T {
	return s.refine((v) => v.length <= max || graphemeCount(v) <= max, { error: tooLong(max) }) as T;
}

/** One line of text; `required` gives the message for an empty field. */
export function line(max: number, required?: () => string) {
	let s = z.string().overwrite(tidyLine);
	if (required) s = s.min(1, { error: required });
	return plain(atMost(s, max)).prefault('');
}

/** Several lines of text (descriptions). */
export function lines(max: number, required?: () => string) {
	let s = z.string().overwrite(tidy);
	if (required) s = s.min(1, { error: required });
	return plain(atMost(s, max)).prefault('');
}

/** A choice from a fixed list, '' when nothing is chosen yet. */
export function choice<const T extends readonly string[]>(values: T, required: () => string) {
	return z.string().refine((v) => (values as readonly string[]).includes(v), { error: required });
}

/** Several choices from a fixed list (checkboxes). */
export function choices(values: readonly string[], max: number = values.length) {
	return z
		.array(z.string())
		.max(max, { error: () => m.reg_error_choice() })
		.refine((vs) => vs.every((v) => values.includes(v)) && new Set(vs).size === vs.length, { error: () => m.reg_error_choice() })
		.default([]);
}

export function phone(required?: () => string) {
	let s = z.string().overwrite(normalizePhone);
	if (required) s = s.min(1, { error: required });
	return s.refine((v) => v === '' || isPhone(v), { error: () => m.reg_error_phone() });
}

export function email(required?: () => string) {
	let s = z.string().overwrite((v) => normalizeText(v));
	if (required) s = s.min(1, { error: required });
	return s
		.max(254, { error: tooLong(254) })
		.refine((v) => v === '' || z.email().safeParse(v).success, { error: () => m.reg_error_email() });
}

export function url() {
	return z
		.string()
		.overwrite((v) => normalizeText(v))
		.max(500, { error: tooLong(500) })
		.refine((v) => v === '' || (/^https?:\/\/[^\s<>"'`]+$/i.test(v) && URL.canParse(v)), { error: () => m.reg_error_url() });
}

/** 'HH:MM' or ''. */
export function time() {
	return z
		.string()
		.overwrite(normalizeTime)
		.refine((v) => v === '' || isTime(v), { error: () => m.reg_error_time() });
}

/** 'YYYY-MM-DD' or ''. */
export function date(required?: () => string) {
	let s = z.string().overwrite(normalizeDate);
	if (required) s = s.min(1, { error: required });
	return s.refine((v) => v === '' || isDate(v), { error: () => m.reg_error_date() });
}

/** A whole number as digits, or ''. */
export function integer(min: number, max: number, required?: () => string) {
	let s = z.string().overwrite(normalizeInteger);
	if (required) s = s.min(1, { error: required });
	return s
		.refine((v) => v === '' || /^\d{1,7}$/.test(v), { error: () => m.reg_error_integer() })
		.refine((v) => v === '' || !/^\d{1,7}$/.test(v) || (Number(v) >= min && Number(v) <= max), {
			error: () => m.reg_error_range({ min, max })
		});
}

export function postalCode() {
	return z
		.string()
		.overwrite(normalizePostalCode)
		.refine((v) => v === '' || /^\d{3}-\d{4}$/.test(v), { error: () => m.reg_error_postal_code() });
}

/** Longitude or latitude as text ('' = not chosen); the pair is checked by `inJapan`. */
export function coordinate() {
	return z
		.string()
		.overwrite(normalizeDecimal)
		.refine((v) => v === '' || /^-?\d{1,3}(\.\d{1,12})?$/.test(v), { error: () => m.reg_error_coordinate() });
}

/** Both coordinates given and inside Japan (the outline the database checks too). */
export function inJapan(lon: string, lat: string): boolean {
	const x = Number(lon);
	const y = Number(lat);
	return lon !== '' && lat !== '' && Number.isFinite(x) && Number.isFinite(y) && inJapanOutline(x, y);
}

export const uuid = () => z.uuid({ error: () => m.reg_error_form_expired() });
/** An id the form was given when it was opened, or '' (a new row). */
export const optionalUuid = () => z.union([z.uuid(), z.literal('')]).default('');

/** The version of the row the editor started from (optimistic locking). */
export const version = () => z.coerce.number().int().min(0).default(0);
