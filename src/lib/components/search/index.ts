export { default as SearchForm } from './SearchForm.svelte';
export { default as PlaceCard } from './PlaceCard.svelte';
export { default as Pagination } from './Pagination.svelte';
export type { CardPlace, AreaOption } from '../../domain/places/types';
