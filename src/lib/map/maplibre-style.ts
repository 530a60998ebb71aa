/**
 * The MapLibre style: a background, the raster basemap and one GeoJSON source 'places' holding
 * the current view's clusters and places (plus a copy of the selected place, flagged
 * `selected`). Circle layers only: text would need a glyphs URL, which we do not have offline.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ClusterItem } from './cluster';
import * as theme from './theme';
import type { PlaceFeature } from './types';

/** ['step', point_count, …] over CLUSTER_STEPS: column 1 is the colour, 2 the radius. */
function byCount(column: 1 | 2): ExpressionSpecification {
	const [first, ...rest] = theme.CLUSTER_STEPS;
	return ['step', ['get', 'point_count'], first[column], ...rest.flatMap((s) => [s[0], s[column]])] as ExpressionSpecification;
}

const approximate: ExpressionSpecification = ['boolean', ['get', 'approximate'], false];

export const placesSource = (): SourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

export function placeLayers(): LayerSpecification[] {
	const { COLORS } = theme;
	return [
		{
			id: 'place-clusters',
			type: 'circle',
			source: 'places',
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': byCount(1),
				'circle-radius': byCount(2),
				'circle-opacity': 0.92,
				'circle-stroke-color': COLORS.clusterStroke,
				'circle-stroke-width': 2
			}
		},
		{
			id: 'place-points',
			type: 'circle',
			source: 'places',
			filter: ['all', ['!', ['has', 'point_count']], ['!', ['has', 'selected']]],
			paint: {
				// approximate: hollow (circle layers cannot dash)
				'circle-radius': ['case', approximate, theme.POINT_RADIUS + 2, theme.POINT_RADIUS],
				'circle-color': ['case', approximate, COLORS.approximateFill, COLORS.point],
				'circle-stroke-color': ['case', approximate, COLORS.point, COLORS.pointStroke],
				'circle-stroke-width': 2
			}
		},
		{
			id: 'place-selected',
			type: 'circle',
			source: 'places',
			filter: ['has', 'selected'],
			paint: {
				'circle-radius': theme.SELECTED_RADIUS,
				'circle-color': 'rgba(0, 0, 0, 0)',
				'circle-stroke-color': COLORS.selected,
				'circle-stroke-width': 4
			}
		}
	];
}

/** Inline, so nothing is fetched before the places draw; tiles that fail leave the background. */
export function inlineStyle(tiles: string, attribution: string): StyleSpecification {
	return {
		version: 8,
		sources: {
			basemap: { type: 'raster', tiles: [tiles], tileSize: 256, maxzoom: theme.BASEMAP_MAX_ZOOM, attribution },
			places: placesSource()
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': theme.BACKGROUND } },
			{ id: 'basemap', type: 'raster', source: 'basemap' },
			...placeLayers()
		]
	};
}

export function placesData(items: ClusterItem[], selected: PlaceFeature | null): FeatureCollection {
	const features = items.map((it): Feature<Point> =>
		it.kind === 'place'
			? it.place
			: {
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [it.lon, it.lat] },
					properties: { point_count: it.count, cluster_id: it.clusterId }
				}
	);
	if (selected) features.push({ type: 'Feature', geometry: selected.geometry, properties: { id: selected.properties.id, selected: true } });
	return { type: 'FeatureCollection', features };
}
