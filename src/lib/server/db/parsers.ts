/**
 * Both drivers return values in the same shapes:
 * dates stay 'YYYY-MM-DD' text (a JS Date would shift them by the process time zone),
 * bigint counts and numerics become numbers.
 */
const asText = (value: string) => value;
const asNumber = (value: string) => Number(value);

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
	1082: asText, // date
	1182: (value: string) => (value === '{}' ? [] : value.slice(1, -1).split(',')), // date[]
	20: asNumber, // int8
	1700: asNumber // numeric
};
