/** RFC 5545 §3.1 and §3.3.11: how a content line is written. */

/** TEXT value escaping: backslash, semicolon, comma and newline. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_OCTETS = 75;

/**
 * Folds a content line to at most 75 octets per physical line (CRLF + one space before each
 * continuation, the space counting towards its 75). Splits only between code points, so a UTF-8
 * character — most of a Japanese line — is never cut in half.
 */
export function fold(line: string): string {
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0)!);
		if (octets + size > MAX_OCTETS) {
			lines.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	lines.push(current);
	return lines.join('\r\n');
}

/** Undoes fold(): a CRLF followed by a space or tab joins the lines. */
export function unfold(text: string): string {
	return text.replace(/\r\n[ \t]/g, '');
}

function utf8Length(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
