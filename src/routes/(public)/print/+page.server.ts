import QRCode from 'qrcode';
import { describe } from '$lib/domain/shared/schedule';
import { parseSearch } from '$lib/domain/places/search';
import { formatWareki } from '$lib/domain/shared/wareki';
import { label } from '$lib/i18n/index';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { topAreaNames } from '$lib/server/places/places';
import { exportPlaces } from '$lib/server/places/opendata';
import type { PageServerLoad } from './$types';

const MAX = 300;

/** /print?… — the search as an A4 handout, grouped by 圏域 and category, with a QR code per place. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { filter } = parseSearch(url.searchParams);
	const locale = getLocale();
	const now = new Date();
	const { places, areas } = await locals.db(async (tx) => {
		const places = await exportPlaces(tx, { ...filter, page: 1 }, now, MAX + 1);
		return {
			places,
			areas: await topAreaNames(
				tx,
				places.map((p) => p.id)
			)
		};
	});
	const shown = places.slice(0, MAX);
	const entries = await Promise.all(
		shown.map(async (p) => ({
			id: p.id,
			name: p.name,
			area: areas.get(p.id) ?? null,
			category: p.category,
			when: p.activities.map((a) => (a.schedule.rrule ? describe(a.schedule, locale, { now }) : (a.scheduleNote ?? ''))).join('／'),
			address: p.address,
			phone: p.phone,
			fee: p.feeYen,
			accommodations: p.accommodations.map((a) => label('accommodation', a)),
			qr: await QRCode.toString(new URL(localizeHref(`/places/${p.id}`), url).href, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })
		}))
	);
	const groups = new Map<string, Map<string, typeof entries>>();
	for (const e of entries) {
		const byCategory = groups.get(e.area ?? '') ?? new Map();
		byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
		groups.set(e.area ?? '', byCategory);
	}
	return {
		asOf: formatWareki(now),
		large: url.searchParams.get('large') === '1',
		truncated: places.length > MAX,
		max: MAX,
		count: shown.length,
		groups: [...groups]
			.sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ja')))
			.map(([area, byCategory]) => ({
				area,
				categories: [...byCategory].map(([category, items]) => ({ category, items }))
			}))
	};
};
