/**
 * Bench page for our renderers (the same modules MapView uses) and, for comparison, MapLibre's
 * own clustering (a GeoJSON source with cluster: true), which we measured and rejected.
 * ?renderer=maplibre|leaflet|maplibre-native|index&n=20000
 * (index: the full cluster hierarchy alone, built on this page's main thread)
 */
import * as maplibregl from 'maplibre-gl';
import { createMapLibre } from '../../src/lib/map/maplibre';
import { createLeaflet } from '../../src/lib/map/leaflet';
import { placeCoords, placesBounds } from '../../src/lib/map/cluster';
import { ClusterCore } from '../../src/lib/map/cluster-core';
import type { PlaceCollection } from '../../src/lib/map/types';
import { syntheticJapan } from './data';
import { measure, params } from './page';

const el = document.getElementById('map')!;
const n = Number(params.get('n') ?? 20000);
const renderer = params.get('renderer') ?? 'maplibre';
const places = syntheticJapan(n);

/** The STACK §4 prototype: MapLibre clusters 300k features itself, in its worker. */
function nativeCluster(places: PlaceCollection): Promise<void> {
	const map = new maplibregl.Map({
		container: el,
		bounds: placesBounds(placeCoords(places))!,
		fitBoundsOptions: { padding: 40 },
		style: {
			version: 8,
			sources: { places: { type: 'geojson', data: places, cluster: true, clusterRadius: 45, clusterMaxZoom: 14 } },
			layers: [
				{ id: 'bg', type: 'background', paint: { 'background-color': '#eef0ea' } },
				{
					id: 'c',
					type: 'circle',
					source: 'places',
					filter: ['has', 'point_count'],
					paint: { 'circle-radius': ['step', ['get', 'point_count'], 13, 100, 20, 1000, 25], 'circle-color': '#2563a8' }
				},
				{
					id: 'p',
					type: 'circle',
					source: 'places',
					filter: ['!', ['has', 'point_count']],
					paint: { 'circle-radius': 7, 'circle-color': '#0b5cad' }
				}
			]
		}
	});
	return new Promise((resolve) => {
		const check = () => (map.isSourceLoaded('places') ? resolve() : map.once('idle', check));
		map.once('idle', check);
	});
}

void measure(n, async () => {
	const opts = { places, label: 'bench map' };
	if (renderer === 'maplibre') await createMapLibre(el, opts).ready;
	else if (renderer === 'leaflet') await createLeaflet(el, opts).ready;
	else if (renderer === 'maplibre-native') await nativeCluster(places);
	else if (renderer === 'index') new ClusterCore(placeCoords(places)).complete();
	else throw new Error(`unknown renderer ${renderer}`);
});
