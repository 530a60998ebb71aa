/**
 * What Japanese keyboards produce, turned into what the database stores: 全角 digits and
 * colons in times, phone numbers with any dash, dates written 2026年4月1日 or 令和8年4月1日.
 * Each function returns its input unchanged (after tidying) when it cannot make sense of it,
 * so the schema can say what is wrong next to the field.
 */
import { dropZeroWidth, normalizeText } from './text';

const FULLWIDTH_ALNUM = /[Ａ-Ｚａ-ｚ０-９]/g;

/** Display text: zero-width characters gone (an emoji's joiner kept), 全角 letters/digits made half-width, ends trimmed.
 * 全角 punctuation (、。！（）) is kept as the writer typed it. */
export function tidy(value: string): string {
	return dropZeroWidth(value)
		.replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/\r\n?/g, '\n')
		.trim();
}

/** One line: tidy, and every run of white space (line breaks included) one space. */
export function tidyLine(value: string): string {
	return tidy(value).replace(/[\s\u3000]+/g, ' ');
}

const DASHES = /[‐‑‒–—―−ーｰ－﹣]/g;

/** '０５４－１２３', 'Ｈ―０１２３': every kind of dash as '-', for codes and numbers typed in 全角. */
export const normalizeDashes = (value: string): string => value.replace(DASHES, '-');

/**
 * '０５４－１２３－４５６７' → '054-123-4567'; '(054)123-4567' → '054-123-4567';
 * a bare mobile '09012345678' → '090-1234-5678'; '0120123456' → '0120-123-456'.
 * Other bare numbers are left for the writer to split (area codes vary in length).
 */
export function normalizePhone(value: string): string {
	let v = normalizeText(value).replace(DASHES, '-').replace(/\s+/g, '');
	v = v.replace(/^\((\d{2,5})\)/, '$1-').replace(/^(\d{2,5})\((\d{1,4})\)/, '$1-$2-');
	if (/^0[789]0\d{8}$/.test(v)) return `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7)}`;
	if (/^0120\d{6}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 7)}-${v.slice(7)}`;
	return v;
}

/** As the database checks it: 2–5, 1–4 and 3–4 digits, starting with 0, 10 or 11 digits in all. */
export function isPhone(value: string): boolean {
	const digits = value.replace(/-/g, '').length;
	return /^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(value) && (digits === 10 || digits === 11);
}

/** '１１：００', '11時', '11時30分', '1100', '9:00' → 'HH:MM'. */
export function normalizeTime(value: string): string {
	const v = normalizeText(value).replace(/\s+/g, '');
	if (v === '') return '';
	let m = /^(\d{1,2})[:：時](\d{2})?分?$/.exec(v);
	if (m) return `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
	m = /^(\d{1,2})(\d{2})$/.exec(v);
	if (m) return `${m[1].padStart(2, '0')}:${m[2]}`;
	return v;
}

export function isTime(value: string): boolean {
	const m = /^(\d{2}):(\d{2})$/.exec(value);
	return !!m && +m[1] <= 23 && +m[2] <= 59;
}

const ERA_START: Record<string, number> = { 令和: 2019, R: 2019, 平成: 1989, H: 1989, 昭和: 1926, S: 1926 };

/**
 * '2026/4/1', '2026年4月1日', '令和8年4月1日', 'R8.4.1', '2026-04-01' → '2026-04-01'.
 * Without a year ('12/29', '12月29日') → 'MM-DD' (a date every year).
 */
export function normalizeDate(value: string): string {
	const v = normalizeText(value)
		.replace(/\s+/g, '')
		.replace(/[（(][日月火水木金土][）)]$/, '');
	if (v === '') return '';
	let m = /^(令和|平成|昭和|[RHS])(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(v);
	if (m) {
		const year = ERA_START[m[1]] + (m[2] === '元' ? 1 : Number(m[2])) - 1;
		return `${year}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`;
	}
	m = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(v);
	if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
	m = /^(\d{1,2})[月./-](\d{1,2})日?$/.exec(v);
	if (m) return `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
	return v;
}

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.toISOString().slice(0, 10) === value && +m[1] >= 1900 && +m[1] <= 2200;
}

/** A day of the year 'MM-DD' (02-29 allowed). */
export function isMonthDay(value: string): boolean {
	const m = /^(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const month = +m[1];
	const day = +m[2];
	const last = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return month >= 1 && month <= 12 && day >= 1 && day <= last;
}

/** '３００円', '1,000', '５人' → '300', '1000', '5'. */
export function normalizeInteger(value: string): string {
	return normalizeText(value)
		.replace(/[,，\s]/g, '')
		.replace(/(円|人|名|歳|才)$/, '');
}

/** '〒４２０－０８５３', '4200853' → '420-0853'. */
export function normalizePostalCode(value: string): string {
	const v = normalizeText(value).replace(/^〒/, '').replace(DASHES, '-').replace(/\s+/g, '');
	return /^\d{7}$/.test(v) ? `${v.slice(0, 3)}-${v.slice(3)}` : v;
}

/** Coordinates as typed: '３４．９８' → '34.98'. */
export function normalizeDecimal(value: string): string {
	return normalizeText(value)
		.replace(/[．。]/g, '.')
		.replace(DASHES, '-')
		.replace(/\s+/g, '');
}

export { JAPAN_OUTLINE, inJapanOutline } from '../shared/japan';
