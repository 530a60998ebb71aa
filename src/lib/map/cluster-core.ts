/**
 * The supercluster index both renderers draw from. Plain classes over flat arrays, so the same
 * code runs in the cluster worker and, as a fallback, on the main thread.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { PlaceCollection } from './types';

/** Cluster radius in px of a 512-px tile (MapLibre's zoom); Leaflet queries one zoom lower. */
export const CLUSTER_RADIUS = 50;
/** Above this (MapLibre) zoom every place is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 14;
/** From this many places, the first view is served by a quick index built for its zoom only. */
export const COARSE_MIN_POINTS = 50_000;
/**
 * Query results: [lon, lat, count, ref] per item. ref is the place's index when count is 1,
 * else a cluster ref for expansionZoom (negative: a cluster of the quick first-view index).
 */
export const STRIDE = 4;

export type BBox = [west: number, south: number, east: number, north: number];

/** A place is a feature with the place's index as id and no properties (less to allocate). */
type Input = PointFeature<null>;

class Level {
	readonly index: Supercluster<null, Record<string, never>>;
	constructor(
		points: Input[],
		readonly maxZoom: number
	) {
		this.index = new Supercluster<null, Record<string, never>>({ radius: CLUSTER_RADIUS, maxZoom }).load(points);
	}

	query(bbox: BBox, zoom: number, coarse: boolean): Float64Array {
		const items = this.index.getClusters(bbox, zoom);
		const out = new Float64Array(items.length * STRIDE);
		items.forEach((f, k) => {
			const cluster = f.properties?.cluster ? f.properties : null;
			out[k * STRIDE] = f.geometry.coordinates[0];
			out[k * STRIDE + 1] = f.geometry.coordinates[1];
			out[k * STRIDE + 2] = cluster ? cluster.point_count : 1;
			out[k * STRIDE + 3] = cluster ? (coarse ? -1 - cluster.cluster_id : cluster.cluster_id) : Number(f.id);
		});
		return out;
	}
}

/**
 * Supercluster's full hierarchy (zoom 0–14) takes ~0.7 s for 300k places on a slow machine.
 * For many places, the first query instead builds a hierarchy that stops at the first view's
 * zoom (~0.2 s), and the full one follows with complete() once the map is drawn (or when a
 * deeper zoom is asked for).
 */
export class ClusterCore {
	private points: Input[];
	private coarse: Level | null = null;
	private full: Level | null = null;

	/** coords: [lon0, lat0, lon1, lat1, …] in the order of the places. */
	constructor(coords: Float64Array) {
		const n = coords.length / 2;
		this.points = new Array(n);
		for (let i = 0; i < n; i++) {
			this.points[i] = {
				type: 'Feature',
				id: i,
				properties: null,
				geometry: { type: 'Point', coordinates: [coords[2 * i], coords[2 * i + 1]] }
			};
		}
	}

	query(bbox: BBox, zoom: number): Float64Array {
		const z = Math.max(0, Math.floor(zoom));
		if (!this.full && !this.coarse && this.points.length >= COARSE_MIN_POINTS && z < CLUSTER_MAX_ZOOM) {
			this.coarse = new Level(this.points, z);
		}
		if (!this.full && this.coarse && z <= this.coarse.maxZoom) return this.coarse.query(bbox, zoom, true);
		return this.complete().query(bbox, zoom, false);
	}

	/** The (MapLibre) zoom at which a cluster splits. */
	expansionZoom(ref: number): number {
		return ref < 0 ? this.coarse!.index.getClusterExpansionZoom(-1 - ref) : this.complete().index.getClusterExpansionZoom(ref);
	}

	complete(): Level {
		return (this.full ??= new Level(this.points, CLUSTER_MAX_ZOOM));
	}
}

export function placeCoords(places: PlaceCollection): Float64Array {
	const fs = places.features;
	const coords = new Float64Array(fs.length * 2);
	for (let i = 0; i < fs.length; i++) {
		const [lon, lat] = fs[i].geometry.coordinates;
		coords[2 * i] = lon;
		coords[2 * i + 1] = lat;
	}
	return coords;
}

/** [[west, south], [east, north]] of the places, or null when there are none. */
export function placesBounds(coords: Float64Array): [[number, number], [number, number]] | null {
	if (coords.length === 0) return null;
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (let i = 0; i < coords.length; i += 2) {
		const x = coords[i],
			y = coords[i + 1];
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return [
		[w, s],
		[e, n]
	];
}

/** The view's bbox padded by a quarter on each side, so a short pan needs no new query. */
export function paddedBBox(w: number, s: number, e: number, n: number): BBox {
	const dx = (e - w) / 4,
		dy = (n - s) / 4;
	return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}
