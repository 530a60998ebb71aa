/**
 * Reading the lists 社協 keep (CSV or Excel): which column is which, each row checked and
 * turned into listing values, and a Japanese schedule written as text (「毎月第2・第4水曜
 * 10:00〜12:00」) read into the schedule builder's fields where it can be. Pure: the server
 * parses the file and adds geocoding and duplicate checks.
 */
import { CATEGORIES, TARGET_GROUPS, type Category, type TargetGroup } from '../shared/taxonomy';
import { normalizeText } from '../shared/text';
import { EMPTY_SCHEDULE, type ScheduleFields } from './place-values';
import { inJapanOutline, isPhone, normalizeDecimal, normalizePhone, normalizePostalCode, tidy, tidyLine } from '../shared/normalize';

export const IMPORT_MAX_ROWS = 500;

export const IMPORT_FIELDS = [
	'name',
	'name_kana',
	'category',
	'organization',
	'address',
	'postal_code',
	'lat',
	'lon',
	'phone',
	'email',
	'website',
	'schedule',
	'fee',
	'summary',
	'description',
	'venue_name',
	'targets'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column titles seen in 社協 lists, normalised (NFKC, no spaces, lower case). */
const ALIASES: Record<ImportField, string[]> = {
	name: ['名称', '名前', '場所名', '活動名', 'サロン名', '居場所名', '施設名', 'name'],
	name_kana: ['ふりがな', 'フリガナ', 'よみがな', 'カナ', 'kana'],
	category: ['種類', '種別', '分類', 'カテゴリ', 'カテゴリー', 'category'],
	organization: ['運営団体', '運営', '実施団体', '主催', '主催団体', '団体名', 'organization'],
	address: ['住所', '所在地', '会場住所', '開催場所住所', 'address'],
	postal_code: ['郵便番号', '〒', 'postalcode'],
	lat: ['緯度', 'lat', 'latitude'],
	lon: ['経度', 'lon', 'lng', 'longitude'],
	phone: ['電話', '電話番号', '連絡先電話', '問い合わせ電話', 'tel', 'phone'],
	email: ['メール', 'メールアドレス', 'email', 'e-mail', 'mail'],
	website: ['ウェブサイト', 'ホームページ', 'url', 'website', 'hp'],
	schedule: ['日時', '開催日時', '開催日', '開催', '日程', 'schedule'],
	fee: ['参加費', '会費', '費用', '料金', 'fee'],
	summary: ['紹介', '概要', 'summary'],
	description: ['内容', '活動内容', '説明', '備考', 'description'],
	venue_name: ['会場', '会場名', '開催場所', 'venue'],
	targets: ['対象', '対象者', 'target']
};

const key = (s: string) =>
	normalizeText(s)
		.replace(/[\s　]/g, '')
		.toLowerCase();
const ALIAS_INDEX = new Map<string, ImportField>(
	(Object.entries(ALIASES) as [ImportField, string[]][]).flatMap(([f, names]) => names.map((n) => [key(n), f] as [string, ImportField]))
);

/** Which field each column holds (null = not used). */
export function mapHeader(header: string[]): (ImportField | null)[] {
	const seen = new Set<ImportField>();
	return header.map((h) => {
		const f = ALIAS_INDEX.get(key(h)) ?? null;
		if (!f || seen.has(f)) return null;
		seen.add(f);
		return f;
	});
}

const CATEGORY_WORDS: [RegExp, Category][] = [
	[/子ども食堂|こども食堂|子供食堂/, 'kodomo_shokudo'],
	[/サロン/, 'salon'],
	[/通いの場|体操|介護予防/, 'kayoinoba'],
	[/子育て|ひろば|広場/, 'childcare_hub'],
	[/地域活動支援センター|地活/, 'activity_support_center'],
	[/学習支援|学習教室|寺子屋|てらこや/, 'study_support'],
	[/フードバンク|フードパントリー|食料/, 'food_support'],
	[/就労|中間的|工賃/, 'intermediate_work'],
	[/ボランティア/, 'volunteering'],
	[/相談/, 'consultation_desk'],
	[/居場所|カフェ|たまり場/, 'ibasho']
];

export function parseCategory(text: string): Category | null {
	const t = normalizeText(text);
	if ((CATEGORIES as readonly string[]).includes(t)) return t as Category;
	return CATEGORY_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

const TARGET_WORDS: [RegExp, TargetGroup][] = [
	[/高齢|シニア|お年寄り/, 'elderly'],
	[/障が?い|障害/, 'disability'],
	[/子ども|こども|子供|小学生|中学生|高校生|児童/, 'children'],
	[/子育て|親子|保護者|乳幼児/, 'parents'],
	[/生活困窮|困窮|ひとり親/, 'poverty'],
	[/若者|青年/, 'youth'],
	[/ひきこもり|引きこもり/, 'hikikomori'],
	[/誰でも|どなたでも|どなた|全世代|地域住民/, 'anyone']
];

export function parseTargets(text: string): TargetGroup[] {
	const t = normalizeText(text);
	const found = TARGET_WORDS.filter(([re]) => re.test(t)).map(([, g]) => g);
	return TARGET_GROUPS.filter((g) => found.includes(g));
}

/** 「無料」→ 0; 「300円」「１回300円」→ 300; anything else kept as a note. */
export function parseFee(text: string): { kind: 'free' | 'paid' | 'unknown'; yen: string; note: string } {
	const t = normalizeText(text).replace(/,/g, '');
	if (t === '') return { kind: 'unknown', yen: '', note: '' };
	if (/^(無料|なし|0円?)$/.test(t)) return { kind: 'free', yen: '', note: '' };
	const yen = /(\d{1,6})円/.exec(t) ?? /^(\d{1,6})$/.exec(t);
	if (yen && Number(yen[1]) > 0 && Number(yen[1]) <= 100000)
		return { kind: 'paid', yen: yen[1], note: /^\d+円?$/.test(t) ? '' : tidyLine(text).slice(0, 200) };
	return { kind: 'unknown', yen: '', note: tidyLine(text).slice(0, 200) };
}

const DAY = '日月火水木金土';
const dayIndex = (c: string) => DAY.indexOf(c);

/**
 * 「毎週火・金曜 10時〜12時」「隔週水曜」「毎月第2・第4土曜日 11:00～14:00（祝日は休み）」「第1・3火曜」
 * 「毎月15日」「最終日曜」 → the schedule builder's fields; anything else → 不定期 with the text as its note.
 */
export function parseScheduleText(text: string, dtstart: string, askNote = ''): { fields: ScheduleFields; understood: boolean } {
	const t = normalizeText(text)
		.replace(/\s+/g, '')
		.replace(/[～〜~－ー―‐-]/g, '〜');
	const f: ScheduleFields = {
		...EMPTY_SCHEDULE,
		dtstart,
		holiday_policy: /祝(日|祭日)?(は)?(休|除)/.test(t) ? 'skip' : 'hold',
		schedule_note: ''
	};
	const time = /(\d{1,2})(?:[:：時](\d{2})?分?)〜(\d{1,2})(?:[:：時](\d{2})?分?)?/.exec(t);
	if (time) {
		f.start_time = `${time[1].padStart(2, '0')}:${time[2] ?? '00'}`;
		f.end_time = `${time[3].padStart(2, '0')}:${time[4] ?? '00'}`;
	} else {
		const start = /(\d{1,2})[:：時](\d{2})?分?/.exec(t);
		if (start) f.start_time = `${start[1].padStart(2, '0')}:${start[2] ?? '00'}`;
	}
	let m: RegExpExecArray | null;
	if ((m = new RegExp(`第(\\d)((?:[・、,と]第?\\d)*)([${DAY}])曜`).exec(t))) {
		f.pattern = 'monthly_nth';
		f.nths = [m[1], ...(m[2].match(/\d/g) ?? [])].filter((n, i, a) => a.indexOf(n) === i && Number(n) >= 1 && Number(n) <= 5);
		f.weekday = String(dayIndex(m[3]));
	} else if ((m = new RegExp(`最終([${DAY}])曜`).exec(t))) {
		f.pattern = 'monthly_nth';
		f.nths = ['-1'];
		f.weekday = String(dayIndex(m[1]));
	} else if ((m = new RegExp(`隔週([${DAY}])曜`).exec(t))) {
		f.pattern = 'biweekly';
		f.weekday = String(dayIndex(m[1]));
	} else if ((m = new RegExp(`毎週([${DAY}](?:[・、,と]?[${DAY}])*)曜`).exec(t))) {
		f.pattern = 'weekly';
		f.weekdays = [...new Set([...m[1]].filter((c) => DAY.includes(c)).map((c) => String(dayIndex(c))))];
	} else if ((m = /毎月(\d{1,2}(?:[・、,と]\d{1,2})*)日/.exec(t))) {
		f.pattern = 'monthly_day';
		f.month_days = [...new Set(m[1].split(/[・、,と]/).filter((d) => Number(d) >= 1 && Number(d) <= 31))];
	} else {
		f.pattern = 'irregular';
		f.schedule_note = tidyLine(text).slice(0, 200) || askNote;
		return { fields: f, understood: false };
	}
	if (f.start_time && (f.start_time < '05:00' || f.start_time > '23:00' || (f.end_time && f.end_time <= f.start_time))) {
		f.start_time = '';
		f.end_time = '';
	}
	return { fields: f, understood: true };
}

export type RowProblem =
	| 'name_required'
	| 'name_too_long'
	| 'category_unknown'
	| 'phone_invalid'
	| 'coordinates_invalid'
	| 'outside_japan'
	| 'address_too_long'
	| 'markup'
	| 'too_long';

export interface ImportValues {
	name: string;
	name_kana: string;
	category: Category | '';
	organization: string;
	address: string;
	postal_code: string;
	lat: string;
	lon: string;
	phone: string;
	email: string;
	website: string;
	schedule: string;
	fee: string;
	summary: string;
	description: string;
	venue_name: string;
	targets: string;
}

export interface ImportRow {
	/** 1-based line in the file, the header being line 1 */
	line: number;
	original: Record<string, string>;
	values: ImportValues;
	problems: { field: ImportField; problem: RowProblem }[];
}

const MARKUP = /<\s*\/?\s*[a-z!?]/i;
const LIMITS: Partial<Record<ImportField, number>> = {
	name_kana: 100,
	organization: 100,
	postal_code: 8,
	email: 254,
	website: 500,
	schedule: 200,
	fee: 200,
	summary: 200,
	description: 4000,
	venue_name: 100,
	targets: 200
};

function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return String(v);
}

/** The rows of a table (first row = column titles), checked. Blank rows are skipped. */
export function readTable(table: unknown[][]): { fields: (ImportField | null)[]; header: string[]; rows: ImportRow[]; tooMany: boolean } {
	const header = (table[0] ?? []).map(cellText);
	const fields = mapHeader(header);
	const body = table.slice(1);
	const rows: ImportRow[] = [];
	body.slice(0, IMPORT_MAX_ROWS).forEach((cells, i) => {
		const raw = cells.map(cellText);
		if (raw.every((c) => c.trim() === '')) return;
		const original: Record<string, string> = {};
		header.forEach((h, j) => {
			if (h.trim() && raw[j]?.trim()) original[h.trim().slice(0, 50)] = raw[j].trim().slice(0, 4000);
		});
		const get = (f: ImportField) => {
			const j = fields.indexOf(f);
			return j >= 0 ? (raw[j] ?? '') : '';
		};
		const values: ImportValues = {
			name: tidyLine(get('name')),
			name_kana: tidyLine(get('name_kana')),
			category: parseCategory(get('category')) ?? '',
			organization: tidyLine(get('organization')),
			address: tidyLine(get('address')),
			postal_code: normalizePostalCode(get('postal_code')),
			lat: normalizeDecimal(get('lat')),
			lon: normalizeDecimal(get('lon')),
			phone: normalizePhone(get('phone')),
			email: normalizeText(get('email')),
			website: normalizeText(get('website')),
			schedule: tidyLine(get('schedule')),
			fee: tidyLine(get('fee')),
			summary: tidyLine(get('summary')),
			description: tidy(get('description')),
			venue_name: tidyLine(get('venue_name')),
			targets: tidyLine(get('targets'))
		};
		rows.push({ line: i + 2, original, values, problems: checkRow(values, get('category')) });
	});
	return { fields, header, rows, tooMany: body.length > IMPORT_MAX_ROWS };
}

export function checkRow(v: ImportValues, rawCategory = v.category as string): ImportRow['problems'] {
	const problems: ImportRow['problems'] = [];
	if (!v.name) problems.push({ field: 'name', problem: 'name_required' });
	else if (v.name.length > 100) problems.push({ field: 'name', problem: 'name_too_long' });
	if (!v.category) problems.push({ field: 'category', problem: 'category_unknown' });
	if (v.phone && !isPhone(v.phone)) problems.push({ field: 'phone', problem: 'phone_invalid' });
	if (v.address.length > 200) problems.push({ field: 'address', problem: 'address_too_long' });
	if (v.lat || v.lon) {
		const lat = Number(v.lat);
		const lon = Number(v.lon);
		if (!v.lat || !v.lon || !Number.isFinite(lat) || !Number.isFinite(lon)) problems.push({ field: 'lat', problem: 'coordinates_invalid' });
		else if (!inJapanOutline(lon, lat)) problems.push({ field: 'lat', problem: 'outside_japan' });
	}
	for (const f of IMPORT_FIELDS) {
		const value = (v as unknown as Record<string, string>)[f];
		if (MARKUP.test(value)) problems.push({ field: f, problem: 'markup' });
		const max = LIMITS[f];
		if (max && value.length > max) problems.push({ field: f, problem: 'too_long' });
	}
	void rawCategory;
	return problems;
}

/** Two rows (or a row and a listing) that are probably the same place. */
export function sameName(a: string, b: string): boolean {
	const fold = (s: string) =>
		normalizeText(s)
			.replace(/[\s　・･()（）「」『』]/g, '')
			.toLowerCase();
	return fold(a) === fold(b);
}
