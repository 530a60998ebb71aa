import type { Feature, FeatureCollection, Point } from 'geojson';

/** What the map needs to know about a place; everything else stays in the page's list. */
export interface PlaceProperties {
	id: string;
	name: string;
	category: string;
	/** The position is only approximate (e.g. a 町丁目 centroid): drawn hollow and dashed. */
	approximate?: boolean;
}

export type PlaceFeature = Feature<Point, PlaceProperties>;
export type PlaceCollection = FeatureCollection<Point, PlaceProperties>;

export type RendererKind = 'maplibre' | 'leaflet';

export interface MapViewProps {
	places: PlaceCollection;
	selectedId?: string | null;
	/** A single place was clicked. */
	onselect?: (id: string) => void;
	/** 'auto' (default): MapLibre when WebGL2 is available, else Leaflet. */
	renderer?: 'auto' | RendererKind;
	/**
	 * Basemap. A raster XYZ template (`…/{z}/{x}/{y}.png`, used by both renderers) or a MapLibre
	 * style JSON URL (MapLibre only; Leaflet then keeps the default tiles).
	 * Default: 地理院タイル 淡色地図.
	 */
	styleUrl?: string;
	/** Attribution HTML for a raster `styleUrl`; default the 地理院タイル credit. */
	attribution?: string;
	/** Initial view [lon, lat]; without it (and `zoom`) the map fits the places. */
	center?: [number, number];
	/** Initial zoom with `center`, as an XYZ tile level (地理院地図 URLs, Leaflet); MapLibre shows it as zoom − 1. */
	zoom?: number;
	/** Accessible name of the map region. */
	label: string;
	/** The map has drawn the places for the first time. */
	onready?: (info: { renderer: RendererKind }) => void;
}

/** What MapView hands to a renderer. */
export interface RendererOptions {
	places: PlaceCollection;
	selectedId?: string | null;
	onselect?: (id: string) => void;
	styleUrl?: string;
	attribution?: string;
	center?: [number, number];
	zoom?: number;
	/** MapLibre puts it on its focusable canvas (MapView's container carries it too). */
	label: string;
}

/** The one small interface both renderers implement. */
export interface MapRenderer {
	readonly kind: RendererKind;
	/** Resolves when the initial places are drawn (MapLibre: idle with the source loaded). */
	readonly ready: Promise<void>;
	/** Replace the places; resolves when they are drawn. Does not move the view. */
	setPlaces(places: PlaceCollection): Promise<void>;
	/** Highlight a place (null clears); pans to it when it is off-screen. */
	select(id: string | null): void;
	/** The container changed size (e.g. shown after being hidden): redraw for it. */
	resize(): void;
	destroy(): void;
}
