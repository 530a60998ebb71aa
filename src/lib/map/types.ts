import type { Feature, FeatureCollection, Point } from 'geojson';
export interface PlaceProperties { id: string; name: string; category: string; approximate?: boolean }
export type PlaceFeature = Feature<Point, PlaceProperties>;
export type PlaceCollection = FeatureCollection<Point, PlaceProperties>;
