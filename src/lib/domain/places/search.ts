/**
 * The public search's filters: parsed from and written back to the URL, so a search can be
 * shared, bookmarked and printed, and the same parameters drive the page, the print view and
 * the open-data APIs.
 */
import { ACCOMMODATIONS, CATEGORIES, TARGET_GROUPS, type Accommodation, type Category, type TargetGroup } from '../shared/taxonomy';
import { BANDS, type Band } from '../shared/schedule';
import { normalizeText } from '../shared/text';
import type { ParamError } from '../shared/params';

export const SORTS = ['next', 'distance', 'name'] as const;
export type Sort = (typeof SORTS)[number];
export const WHENS = ['today', 'week'] as const;
export type When = (typeof WHENS)[number];

export interface SearchFilter {
	categories: Category[];
	targets: TargetGroup[];
	accommodations: Accommodation[];
	freeOnly: boolean;
	when: When | null;
	weekdays: number[];
	bands: Band[];
	areaId: string | null;
	/** words, each of which must match */
	terms: string[];
	near: { lat: number; lon: number } | null;
	/** metres, used with near */
	radius: number;
	/** west, south, east, north (APIs) */
	bbox: [number, number, number, number] | null;
	sort: Sort;
	page: number;
	/** APIs only (HSDS): one place, one organisation's places, places changed after a moment */
	placeId?: string | null;
	organizationId?: string | null;
	modifiedAfter?: Date | null;
}

export const EMPTY_FILTER: SearchFilter = {
	categories: [],
	targets: [],
	accommodations: [],
	freeOnly: false,
	when: null,
	weekdays: [],
	bands: [],
	areaId: null,
	terms: [],
	near: null,
	radius: 3000,
	bbox: null,
	sort: 'next',
	page: 1
};

export type { ParamError };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TERMS = 5;

function numbers(raw: string, count: number): number[] | null {
	const parts = normalizeText(raw)
		.split(',')
		.map((p) => p.trim());
	if (parts.length !== count || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return null;
	return parts.map(Number);
}

export function parseSearch(params: URLSearchParams): { filter: SearchFilter; errors: ParamError[] } {
	const errors: ParamError[] = [];
	const filter: SearchFilter = { ...EMPTY_FILTER };
	const all = (name: string) =>
		params
			.getAll(name)
			.flatMap((v) => normalizeText(v).split(','))
			.filter(Boolean);

	const codes = <T extends string>(name: string, allowed: readonly T[]): T[] => {
		const out: T[] = [];
		for (const v of all(name)) {
			if ((allowed as readonly string[]).includes(v)) {
				if (!out.includes(v as T)) out.push(v as T);
			} else errors.push({ param: name, code: 'unknown_value', value: v });
		}
		return out;
	};
	filter.categories = codes('category', CATEGORIES);
	filter.targets = codes('target', TARGET_GROUPS);
	filter.accommodations = codes('acc', ACCOMMODATIONS);
	filter.bands = codes('band', BANDS);
	filter.weekdays = codes('day', ['0', '1', '2', '3', '4', '5', '6'] as const).map(Number);
	const when = params.get('when');
	if (when) {
		const v = codes('when', WHENS);
		filter.when = v[0] ?? null;
	}
	filter.freeOnly = ['1', 'true', 'on'].includes(params.get('free') ?? '');

	const area = params.get('area');
	if (area) {
		if (UUID.test(area)) filter.areaId = area.toLowerCase();
		else errors.push({ param: 'area', code: 'bad_format', value: area });
	}

	const q = normalizeText(params.get('q') ?? '');
	if (q.length > 100) errors.push({ param: 'q', code: 'too_long', value: q.slice(0, 20) });
	else filter.terms = q.split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);

	const near = params.get('near');
	if (near) {
		const n = numbers(near, 2);
		if (!n) errors.push({ param: 'near', code: 'bad_format', value: near });
		else if (n[0] < 20 || n[0] > 46 || n[1] < 122 || n[1] > 154) errors.push({ param: 'near', code: 'out_of_range', value: near });
		else filter.near = { lat: n[0], lon: n[1] };
	}
	const radius = params.get('radius');
	if (radius) {
		const r = Number(normalizeText(radius));
		if (!Number.isFinite(r)) errors.push({ param: 'radius', code: 'not_a_number', value: radius });
		else if (r < 100 || r > 50_000) errors.push({ param: 'radius', code: 'out_of_range', value: radius });
		else filter.radius = Math.round(r);
	}

	const bbox = params.get('bbox');
	if (bbox) {
		const b = numbers(bbox, 4);
		if (!b) errors.push({ param: 'bbox', code: 'bad_format', value: bbox });
		else if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)
			errors.push({ param: 'bbox', code: 'out_of_range', value: bbox });
		else filter.bbox = b as [number, number, number, number];
	}

	const sort = params.get('sort');
	if (sort) filter.sort = codes('sort', SORTS)[0] ?? 'next';
	if (filter.sort === 'distance' && !filter.near) filter.sort = 'next';

	const page = params.get('page');
	if (page) {
		const p = Number(normalizeText(page));
		if (!Number.isInteger(p)) errors.push({ param: 'page', code: 'not_a_number', value: page });
		else if (p < 1 || p > 1000) errors.push({ param: 'page', code: 'out_of_range', value: page });
		else filter.page = p;
	}
	return { filter, errors };
}

/** The URL parameters of a filter: the inverse of parseSearch for every valid filter. */
export function toSearchParams(f: SearchFilter, overrides: Partial<SearchFilter> = {}): URLSearchParams {
	const v = { ...f, ...overrides };
	const p = new URLSearchParams();
	if (v.terms.length) p.set('q', v.terms.join(' '));
	for (const c of v.categories) p.append('category', c);
	for (const t of v.targets) p.append('target', t);
	for (const a of v.accommodations) p.append('acc', a);
	if (v.freeOnly) p.set('free', '1');
	if (v.when) p.set('when', v.when);
	for (const d of v.weekdays) p.append('day', String(d));
	for (const b of v.bands) p.append('band', b);
	if (v.areaId) p.set('area', v.areaId);
	if (v.near) p.set('near', `${v.near.lat},${v.near.lon}`);
	if (v.near && v.radius !== EMPTY_FILTER.radius) p.set('radius', String(v.radius));
	if (v.bbox) p.set('bbox', v.bbox.join(','));
	if (v.sort !== 'next') p.set('sort', v.sort);
	if (v.page !== 1) p.set('page', String(v.page));
	return p;
}

/**
 * Folds text the way the database's search_text column is folded (private.search_fold):
 * NFKC, lower case, hiragana → katakana — so こども finds コドモ and ＣＡＦＥ finds cafe.
 */
export function searchFold(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export type Widening = 'area' | 'near' | 'filters' | 'keyword';

/**
 * Ways to widen a search that found nothing: drop the area, drop the point searched near, drop
 * every filter but the keywords, drop the keywords but keep the filters. A way is offered only
 * when it changes the search and no earlier way already gives the same one.
 */
export function widenings(f: SearchFilter): { kind: Widening; params: URLSearchParams }[] {
	const base = { ...f, page: 1 };
	const candidates: [Widening, SearchFilter][] = [
		['area', { ...base, areaId: null }],
		['near', { ...base, near: null, sort: f.sort === 'distance' ? 'next' : f.sort }],
		['filters', { ...EMPTY_FILTER, terms: f.terms, sort: f.sort === 'distance' ? 'next' : f.sort }],
		['keyword', { ...base, terms: [] }]
	];
	const seen = new Set([toSearchParams(base).toString()]);
	const out: { kind: Widening; params: URLSearchParams }[] = [];
	for (const [kind, wider] of candidates) {
		const params = toSearchParams(wider);
		if (seen.has(params.toString())) continue;
		seen.add(params.toString());
		out.push({ kind, params });
	}
	return out;
}
