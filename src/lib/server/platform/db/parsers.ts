/**
 * Both drivers return values in the same shapes:
 * dates stay 'YYYY-MM-DD' text (a JS Date would shift them by the process time zone),
 * bigint counts and numerics become numbers.
 * Arrays of enums or dates are not parsed the same way by both drivers: pass and select them
 * as text[] (`$1::text[]::public.category[]`, `categories::text[]`).
 */
const asText = (value: string) => value;
const asNumber = (value: string) => Number(value);

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
	1082: asText, // date
	20: asNumber, // int8
	1700: asNumber // numeric
};
