import { describe, expect, it } from 'vitest';
import { ClusterCore, COARSE_MIN_POINTS, paddedBBox, placeCoords, placesBounds, STRIDE, type BBox } from './cluster-core';
import type { PlaceCollection } from './types';

const WORLD: BBox = [-180, -85, 180, 85];

/** n places on a jittered grid over Kanto (deterministic). */
function grid(n: number): PlaceCollection {
	const side = Math.ceil(Math.sqrt(n));
	return {
		type: 'FeatureCollection',
		features: Array.from({ length: n }, (_, i) => ({
			type: 'Feature' as const,
			geometry: { type: 'Point' as const, coordinates: [139 + ((i % side) / side) * 2, 35 + (Math.floor(i / side) / side) * 1.5] },
			properties: { id: `p${i}`, name: `場所${i}`, category: 'salon' }
		}))
	};
}

function decode(items: Float64Array) {
	const out = [];
	for (let j = 0; j < items.length; j += STRIDE) out.push({ count: items[j + 2], ref: items[j + 3] });
	return out;
}

const total = (items: Float64Array) => decode(items).reduce((s, it) => s + it.count, 0);

describe('ClusterCore', () => {
	it('accounts for every place at every zoom', () => {
		const core = new ClusterCore(placeCoords(grid(1000)));
		for (const z of [0, 4, 8, 12, 15]) expect(total(core.query(WORLD, z))).toBe(1000);
	});

	it('gives single places back by their index, and all of them beyond the cluster zooms', () => {
		const places = grid(50);
		const items = decode(new ClusterCore(placeCoords(places)).query(WORLD, 18));
		expect(items).toHaveLength(50);
		expect(items.map((it) => it.ref).sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
	});

	it('expands a cluster at a deeper zoom', () => {
		const core = new ClusterCore(placeCoords(grid(1000)));
		const cluster = decode(core.query(WORLD, 5)).find((it) => it.count > 1)!;
		expect(core.expansionZoom(cluster.ref)).toBeGreaterThan(5);
	});

	it('serves the first view of many places from a quick index, then the full one', () => {
		const core = new ClusterCore(placeCoords(grid(COARSE_MIN_POINTS)));
		const first = decode(core.query(WORLD, 5));
		expect(first.filter((it) => it.count > 1).every((it) => it.ref < 0)).toBe(true);
		expect(first.reduce((s, it) => s + it.count, 0)).toBe(COARSE_MIN_POINTS);
		expect(core.expansionZoom(first.find((it) => it.count > 1)!.ref)).toBeGreaterThan(5);
		// a deeper zoom needs the full hierarchy; after that, clusters carry its (positive) refs
		expect(total(core.query(WORLD, 9))).toBe(COARSE_MIN_POINTS);
		expect(decode(core.query(WORLD, 5)).every((it) => it.ref >= 0)).toBe(true);
	});
});

describe('bounds', () => {
	it('spans the places, or is null without any', () => {
		expect(placesBounds(placeCoords(grid(4)))).toEqual([
			[139, 35],
			[140, 35.75]
		]);
		expect(placesBounds(new Float64Array())).toBeNull();
	});

	it('pads the view by a quarter on each side, within the world', () => {
		expect(paddedBBox(139, 35, 141, 36)).toEqual([138.5, 34.75, 141.5, 36.25]);
		expect(paddedBBox(-180, -85, 180, 85)).toEqual(WORLD);
	});
});
