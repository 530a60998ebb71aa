/**
 * Seeded synthetic places spread like Japan's population: most points cluster around big
 * cities (heavy-tailed, so suburbs thin out), the rest lie along the archipelago's spine.
 * Deterministic for a given (count, seed), so every renderer sees the same data.
 */
import type { PlaceCollection, PlaceFeature } from '../../src/lib/map/types.ts';

/** [lon, lat, weight] — weight roughly follows metropolitan population. */
const CITIES: [number, number, number][] = [
	[139.69, 35.69, 30], // 東京
	[139.64, 35.44, 8], // 横浜
	[139.65, 35.86, 6], // さいたま
	[140.12, 35.61, 5], // 千葉
	[135.5, 34.69, 14], // 大阪
	[135.19, 34.69, 4], // 神戸
	[135.77, 35.01, 4], // 京都
	[136.91, 35.18, 9], // 名古屋
	[141.35, 43.06, 5], // 札幌
	[130.4, 33.59, 5], // 福岡
	[130.88, 33.88, 2], // 北九州
	[140.87, 38.27, 3], // 仙台
	[132.46, 34.39, 3], // 広島
	[138.38, 34.98, 2], // 静岡
	[137.73, 34.71, 2], // 浜松
	[139.02, 37.92, 2], // 新潟
	[133.92, 34.66, 2], // 岡山
	[130.71, 32.8, 2], // 熊本
	[130.56, 31.6, 1.5], // 鹿児島
	[127.68, 26.21, 1.5], // 那覇
	[136.66, 36.56, 1.5], // 金沢
	[132.77, 33.84, 1.5], // 松山
	[134.05, 34.34, 1], // 高松
	[138.19, 36.65, 1], // 長野
	[140.74, 40.82, 1], // 青森
	[141.15, 39.7, 1], // 盛岡
	[140.1, 39.72, 1], // 秋田
	[140.47, 37.75, 1], // 福島
	[140.45, 36.37, 1.5], // 水戸
	[139.88, 36.56, 1.5] // 宇都宮
];

/** The archipelago's spine, south-west to north-east, for the scattered share of points. */
const SPINE: [number, number][] = [
	[130.56, 31.6],
	[130.4, 33.59],
	[132.46, 34.39],
	[135.5, 34.69],
	[136.91, 35.18],
	[139.69, 35.69],
	[140.87, 38.27],
	[140.74, 40.82],
	[141.35, 43.06],
	[144.0, 43.5]
];

const CATEGORIES = ['salon', 'ibasho', 'kodomo_shokudo', 'kayoinoba', 'food_support', 'consultation_desk'];

/** mulberry32: a tiny seeded PRNG. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function syntheticJapan(count: number, seed = 20261122): PlaceCollection {
	const rand = prng(seed);
	const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
	const totalWeight = CITIES.reduce((s, c) => s + c[2], 0);
	const pickCity = () => {
		let r = rand() * totalWeight;
		for (const c of CITIES) if ((r -= c[2]) <= 0) return c;
		return CITIES[0];
	};
	const features: PlaceFeature[] = new Array(count);
	for (let i = 0; i < count; i++) {
		let lon: number;
		let lat: number;
		if (rand() < 0.8) {
			const [cx, cy] = pickCity();
			// heavy tail: most within ~10 km, some out to ~60 km
			const sigma = rand() < 0.7 ? 0.06 : 0.3;
			lon = cx + gauss() * sigma;
			lat = cy + gauss() * sigma * 0.8;
		} else {
			const s = Math.floor(rand() * (SPINE.length - 1));
			const t = rand();
			const [x0, y0] = SPINE[s];
			const [x1, y1] = SPINE[s + 1];
			lon = x0 + (x1 - x0) * t + gauss() * 0.35;
			lat = y0 + (y1 - y0) * t + gauss() * 0.35;
		}
		features[i] = {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
			properties: {
				id: `p${i}`,
				name: `場所 ${i}`,
				category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
				...(rand() < 0.1 ? { approximate: true } : {})
			}
		};
	}
	return { type: 'FeatureCollection', features };
}
