import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ACCOMMODATIONS,
	AREA_KINDS,
	CATEGORIES,
	DISCLOSURE_LEVELS,
	MEMBERSHIP_ROLES,
	ORGANIZATION_KINDS,
	PLACE_STATUSES,
	TARGET_GROUPS,
	VENUE_TYPES
} from '../domain/shared/taxonomy';

const settings = JSON.parse(fs.readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const catalogue = (locale: string) =>
	Object.assign(
		{},
		...patterns.map((p) => JSON.parse(fs.readFileSync(path.resolve('project.inlang', '..', p.replace('{locale}', locale)), 'utf8')))
	) as Record<string, string>;

describe('message catalogue', () => {
	const ja = catalogue('ja');
	const en = catalogue('en');

	it('has every key in both Japanese and English, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
		const empty = Object.entries({ ...ja, ...en }).filter(([k, v]) => k !== '$schema' && !String(v).trim());
		expect(empty).toEqual([]);
	});

	it('keeps the same {placeholders} in both languages', () => {
		const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
		const mismatched = Object.keys(ja).filter((k) => JSON.stringify(holes(ja[k])) !== JSON.stringify(holes(en[k])));
		expect(mismatched).toEqual([]);
	});

	it('labels every taxonomy code', () => {
		const vocabularies = {
			category: CATEGORIES,
			target_group: TARGET_GROUPS,
			accommodation: ACCOMMODATIONS,
			venue_type: VENUE_TYPES,
			organization_kind: ORGANIZATION_KINDS,
			membership_role: MEMBERSHIP_ROLES,
			area_kind: AREA_KINDS,
			disclosure_level: DISCLOSURE_LEVELS,
			place_status: PLACE_STATUSES
		};
		const missing = Object.entries(vocabularies)
			.flatMap(([v, codes]) => codes.map((c) => `${v}_${c}`))
			.filter((k) => !ja[k]);
		expect(missing).toEqual([]);
	});
});
