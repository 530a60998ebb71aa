/**
 * Importing a 社協 list: per-row problems, duplicates against existing places and within the
 * file, geocoding through the recorded stand-in, nothing written before the moderator
 * confirms, provenance kept, a repeated confirm adding nothing, and only moderators importing.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordedGeocoder } from '../../src/lib/server/platform/geocoder/recorded';
import { commitImport, previewImport, readUpload, type CommitRow } from '../../src/lib/server/registration/import';
import { openTestDb, sqlState, user, type TestDb } from './helpers';
import { ORG_SHAKYO, TOWN_A, USERS, buildWorld } from './world';

let db: TestDb;
let existing: { name: string; address: string; lon: number; lat: number };
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
	[existing] = await db.system((tx) =>
		tx.query<{ name: string; address: string; lon: number; lat: number }>(
			`select p.name, l.address, st_x(l.location::geometry) as lon, st_y(l.location::geometry) as lat
			 from public.places p join public.place_locations l on l.place_id = p.id where p.status = 'published' order by p.name limit 1`
		)
	);
});
afterAll(() => db?.close());

const moderator = user(USERS.moderator);
const count = () => db.system(async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.places'))[0].n);

/** A minimal .xlsx (a zip of SpreadsheetML parts, stored uncompressed) with inline strings and numbers. */
function xlsx(rows: (string | number)[][]): Uint8Array {
	const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const col = (i: number) => String.fromCharCode(65 + i);
	const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
		.map(
			(r, y) =>
				`<row r="${y + 1}">${r.map((v, x) => (typeof v === 'number' ? `<c r="${col(x)}${y + 1}"><v>${v}</v></c>` : `<c r="${col(x)}${y + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`
		)
		.join('')}</sheetData></worksheet>`;
	const files: [string, string][] = [
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
		],
		[
			'_rels/.rels',
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
		],
		[
			'xl/workbook.xml',
			'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>'
		],
		[
			'xl/_rels/workbook.xml.rels',
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
		],
		['xl/worksheets/sheet1.xml', sheet]
	];
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc32 = (b: Buffer) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of files) {
		const data = Buffer.from(text, 'utf8');
		const fname = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6);
		local.writeUInt16LE(0, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(fname.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(fname.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, fname, data);
		centrals.push(central, fname);
		offset += local.length + fname.length + data.length;
	}
	const dir = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

function csv(): Uint8Array {
	const lines = [
		'名称,種類,運営団体,所在地,緯度,経度,電話,開催日時,参加費,対象',
		`${existing.name},サロン,,${existing.address},${existing.lat},${existing.lon},054-000-0000,毎月第2水曜 10:00〜12:00,100円,高齢者`,
		'駅前まちカフェ,居場所,駅前まちづくりの会,静岡県ひだまり市駅前3-1,,,０５４－９９９－０００１,毎週水曜 13時〜16時,無料,どなたでも',
		'本町みんなの食卓テスト,こども食堂,,静岡県ひだまり市本町2丁目4-4,,,054-999-0002,第2・第4土曜 11:00～14:00（祝日は休み）,子ども無料・大人300円,子ども',
		'駅前まちカフェ,居場所,駅前まちづくりの会,静岡県ひだまり市駅前3-1,,,,,,',
		',サロン,,,,,,,,',
		'<b>タグ</b>,謎の種類,,,37.56,126.97,0541,,,'
	];
	return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}`);
}

describe('importing a list', () => {
	it('reads UTF-8 (with BOM) and Shift_JIS CSV, and refuses other files', async () => {
		const utf8 = await readUpload(csv(), 'サロン一覧.csv');
		expect(utf8.ok && utf8.table.length).toBe(7);
		const sjis = await readUpload(Buffer.from('96BC8FCC2C8EED97DE0D0A8354838D83932C8354838D8393', 'hex'), 'list.csv');
		expect(sjis.ok && sjis.table).toEqual([
			['名称', '種類'],
			['サロン', 'サロン']
		]);
		expect(await readUpload(new TextEncoder().encode('%PDF-1.7'), 'list.pdf')).toEqual({ ok: false, problem: 'type' });
		const excel = await readUpload(
			xlsx([
				['名称', '種類', '緯度'],
				['Excelのサロン', 'サロン', 34.98]
			]),
			'サロン一覧.xlsx'
		);
		expect(excel.ok && excel.table).toEqual([
			['名称', '種類', '緯度'],
			['Excelのサロン', 'サロン', 34.98]
		]);
		expect(await readUpload(new Uint8Array(), 'list.csv')).toEqual({ ok: false, problem: 'empty' });
	});

	it('previews each row with its problems and duplicates, and writes nothing', async () => {
		const before = await count();
		const upload = await readUpload(csv(), 'サロン一覧.csv');
		if (!upload.ok) throw new Error('unreadable');
		const { rows } = await db.as(moderator, (tx) => previewImport(tx, TOWN_A, upload.table, createRecordedGeocoder()));
		expect(await count()).toBe(before);
		const byLine = new Map(rows.map((r) => [r.line, r]));
		// the existing place: same name, same address, same point
		expect(byLine.get(2)!.duplicate).toMatchObject({ name: existing.name, similarity: 1, distanceM: 0 });
		// geocoded through the (recorded) 国土地理院 search, phone width folded
		expect(byLine.get(3)).toMatchObject({
			geocoded: '静岡県ひだまり市駅前',
			lon: '138.410100',
			duplicate: null,
			organizationExists: false
		});
		expect(byLine.get(3)!.values.phone).toBe('054-999-0001');
		expect(byLine.get(4)!.values.category).toBe('kodomo_shokudo');
		expect(byLine.get(5)!.duplicateOfLine).toBe(3);
		expect(byLine.get(6)!.problems.map((p) => p.problem)).toEqual(['name_required']);
		expect(
			byLine
				.get(7)!
				.problems.map((p) => p.problem)
				.sort()
		).toEqual(['category_unknown', 'markup', 'outside_japan', 'phone_invalid']);
	});

	it('writes the confirmed rows with their provenance, once; volunteers cannot import', async () => {
		const upload = await readUpload(csv(), 'サロン一覧.csv');
		if (!upload.ok) throw new Error('unreadable');
		const { rows } = await db.as(moderator, (tx) => previewImport(tx, TOWN_A, upload.table, createRecordedGeocoder()));
		const chosen: CommitRow[] = rows
			.filter((r) => [3, 4].includes(r.line))
			.map((r) => ({ line: r.line, original: r.original, values: r.values, lon: r.lon, lat: r.lat }));
		const importId = crypto.randomUUID();
		const options = {
			importId,
			municipalityId: TOWN_A,
			fileName: 'サロン一覧.csv',
			verifiedOn: '2026-11-20',
			publish: true,
			fallbackOrganizationId: ORG_SHAKYO,
			askNote: '日程はお問い合わせください'
		};
		const before = await count();
		const first = await db.as(moderator, (tx) => commitImport(tx, chosen, options));
		expect(first).toMatchObject({ created: 2, skipped: 0 });
		expect(await count()).toBe(before + 2);
		const again = await db.as(moderator, (tx) => commitImport(tx, chosen, options));
		expect(again).toMatchObject({ created: 0, skipped: 2 });
		const [cafe] = await db.system((tx) =>
			tx.query<{
				status: string;
				org: string;
				org_public: boolean;
				phone: string;
				rrule: string;
				verified: string;
				file: string;
				row: number;
				original: Record<string, string>;
				via: string;
			}>(
				`select p.status::text as status, o.name as org, o.is_public as org_public, p.contact_phone as phone, a.rrule,
				   to_char(p.verified_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as verified, v.file_name as file, v.row_number as row, v.original,
				   (select h.via from public.place_history h where h.place_id = p.id and h.entity = 'place' and h.action = 'insert') as via
				 from public.places p join public.organizations o on o.id = p.organization_id
				 join public.activities a on a.place_id = p.id join public.place_provenance v on v.place_id = p.id
				 where p.name = '駅前まちカフェ'`
			)
		);
		expect(cafe).toMatchObject({
			status: 'published',
			org: '駅前まちづくりの会',
			org_public: true,
			phone: '054-999-0001',
			rrule: 'FREQ=WEEKLY;BYDAY=WE',
			verified: '2026-11-20',
			file: 'サロン一覧.csv',
			row: 3,
			via: 'import'
		});
		expect(cafe.original).toMatchObject({ 名称: '駅前まちカフェ', 電話: '０５４－９９９－０００１' });
		const [shokudo] = await db.system((tx) =>
			tx.query<{ org: string; rrule: string; holiday: string; fee: number | null; fee_note: string }>(
				`select o.name as org, a.rrule, a.holiday_policy::text as holiday, p.fee_yen as fee, p.fee_note from public.places p
				 join public.organizations o on o.id = p.organization_id join public.activities a on a.place_id = p.id where p.name = '本町みんなの食卓テスト'`
			)
		);
		expect(shokudo).toEqual({
			org: 'ひだまり市社会福祉協議会',
			rrule: 'FREQ=MONTHLY;BYDAY=2SA,4SA',
			holiday: 'skip',
			fee: 300,
			fee_note: '子ども無料・大人300円'
		});
		const state = await sqlState(() =>
			db.as(user(USERS.volunteer), (tx) => commitImport(tx, chosen, { ...options, importId: crypto.randomUUID() }))
		);
		expect(state).toBe('42501');
	});
});
