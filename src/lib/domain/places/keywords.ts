/**
 * What a typed keyword means: the 表記ゆれ it stands for (子ども/子供/こども, 居場所/いばしょ …),
 * which taxonomy labels it names, the 「もしかして」 term nearest a typo, and whether a search
 * that found nothing may be counted (its text kept) for the unmet-need report.
 *
 * The synonym table lives only here: the query is expanded into every spelling, so the stored
 * search text (private.search_fold) needs no copy of it. The labels are passed in by the caller
 * from the message catalogue, the one source the UI reads.
 */
import { searchFold } from './search';

/**
 * Spellings that mean the same: each group's members are interchangeable inside a keyword.
 * Hiragana and katakana need no entries (searchFold folds them); kanji and kana do.
 */
export const SPELLINGS: readonly (readonly string[])[] = [
	['子ども', '子供', 'こども'],
	['居場所', 'いばしょ'],
	['体操', 'たいそう'],
	['食堂', 'しょくどう'],
	['障がい', '障害', 'しょうがい'],
	['高齢', 'こうれい'],
	['子育て', 'こそだて'],
	['学習', 'がくしゅう'],
	['相談', 'そうだん'],
	['見学', 'けんがく'],
	['送迎', 'そうげい'],
	['ひきこもり', '引きこもり', '引籠り'],
	['通いの場', 'かよいのば'],
	['公民館', 'こうみんかん'],
	['集会所', 'しゅうかいじょ'],
	['お茶', 'おちゃ'],
	['手芸', 'しゅげい'],
	['囲碁', 'いご'],
	['将棋', 'しょうぎ']
];

const FOLDED = SPELLINGS.map((group) => [...new Set(group.map(searchFold))]);
const MAX_VARIANTS = 32;

/** Every spelling of a keyword, folded as search_text is; the folded keyword comes first. */
export function variantsOf(term: string): string[] {
	const out = [searchFold(term)];
	for (const group of FOLDED) {
		for (let i = 0; i < out.length && out.length < MAX_VARIANTS; i++) {
			const v = out[i];
			for (const from of group) {
				if (!v.includes(from)) continue;
				for (const to of group) {
					const w = v.replaceAll(from, to);
					if (!out.includes(w) && out.length < MAX_VARIANTS) out.push(w);
				}
			}
		}
	}
	return out;
}

/** code → the labels a person may type for it (Japanese and English). */
export type LabelTable = Record<string, string[]>;

/**
 * Whether a folded label holds a folded keyword: anywhere for Japanese, at the start of a word
 * for Latin letters (so "on" does not name every "Salon" and "Anyone").
 */
function labelHolds(label: string, v: string): boolean {
	if (/[^\x20-\x7e]/.test(v)) return label.includes(v);
	for (let i = label.indexOf(v); i >= 0; i = label.indexOf(v, i + 1)) if (i === 0 || !/[a-z0-9]/.test(label[i - 1])) return true;
	return false;
}

/** The codes whose label holds one of the keyword's spellings; never for one character. */
export function codesNamed(variants: string[], table: LabelTable): string[] {
	if ([...variants[0]].length < 2) return [];
	return Object.entries(table)
		.filter(([, labels]) => labels.some((l) => variants.some((v) => labelHolds(searchFold(l), v))))
		.map(([code]) => code);
}

function distance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const row = [i];
		for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[y.length];
}

/** Similarity 0…1 of two folded strings: 1 − edit distance / the longer length. */
export function similarity(a: string, b: string): number {
	const n = Math.max([...a].length, [...b].length);
	return n === 0 ? 1 : 1 - distance(a, b) / n;
}

/** How close a keyword must be to a known term to be offered as 「もしかして」. */
export const SUGGEST_THRESHOLD = 0.6;

/**
 * 「もしかして」: each keyword that is not (part of) a known term but lies within the threshold
 * of one is replaced by the nearest; null when no keyword changed.
 */
export function suggest(terms: string[], known: string[]): string | null {
	const candidates = [...new Set(known)].map((k) => ({ k, folded: searchFold(k) }));
	let changed = false;
	const out = terms.map((term) => {
		const variants = variantsOf(term);
		if (candidates.some((c) => variants.some((v) => c.folded.includes(v)))) return term;
		let best: { k: string; s: number } | null = null;
		for (const c of candidates)
			for (const v of variants) {
				const s = similarity(v, c.folded);
				if (s >= SUGGEST_THRESHOLD && (!best || s > best.s)) best = { k: c.k, s };
			}
		if (!best) return term;
		changed = true;
		return best.k;
	});
	return changed ? out.join(' ') : null;
}

/** The longest keyword text a zero-result count keeps. */
export const MISS_MAX_LENGTH = 20;

/**
 * The text a zero-result search is counted under, or null when it must not be kept: folded
 * (NFKC, lower case, kana), spaces collapsed, at most 20 characters, and never anything with a
 * digit or an @ — phone numbers, addresses and mail addresses are how a person is found.
 */
export function missKey(terms: string[]): string | null {
	const key = terms.map(searchFold).join(' ').trim();
	if (!key || [...key].length > MISS_MAX_LENGTH || /[\p{Nd}@＠]/u.test(key)) return null;
	return key;
}
