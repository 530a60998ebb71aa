/**
 * Baseline: plain Leaflet + leaflet.markercluster, every place an L.marker added with addLayers.
 * Timed from creating the map to markers added + two animation frames.
 */
import 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { placeCoords, placesBounds } from '../../src/lib/map/cluster';
import { syntheticJapan } from './data';
import { measure, nextFrame, params } from './page';

const n = Number(params.get('n') ?? 20000);
const places = syntheticJapan(n);

// Leaflet 1.9 sets window.L; markercluster extends that global.
const L = (window as unknown as { L: typeof import('leaflet') }).L;
await import('leaflet.markercluster');

void measure(n, async () => {
	const [[w, s], [e, nn]] = placesBounds(placeCoords(places))!;
	const map = L.map('map', { maxZoom: 18, preferCanvas: true });
	L.tileLayer('https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png', { maxZoom: 18 }).addTo(map);
	map.fitBounds(
		[
			[s, w],
			[nn, e]
		],
		{ padding: [40, 40] }
	);
	const icon = L.divIcon({ className: 'pt', iconSize: [12, 12] });
	const markers = places.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon }));
	const group = L.markerClusterGroup();
	group.addLayers(markers);
	map.addLayer(group);
	await nextFrame();
	await nextFrame();
});
