export { default as MapView } from './MapView.svelte';
export { webgl2Available } from './webgl';
export type { MapRenderer, MapViewProps, PlaceCollection, PlaceFeature, PlaceProperties, RendererKind } from './types';
