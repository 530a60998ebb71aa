/**
 * CSV as Excel on a municipal PC opens it: UTF-8 with a BOM, CRLF, RFC 4180 quoting — and
 * cells that would start a formula (=, +, -, @, tab, CR) prefixed with ' so a listing can
 * never run anything on the reader's machine.
 */
const BOM = '\uFEFF';

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let text = Array.isArray(value) ? value.join(';') : String(value);
	if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
	return BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
