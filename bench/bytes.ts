/**
 * Bytes of JS and CSS that `/` needs before the map loads: everything the server-rendered page
 * links (modulepreload, stylesheets, the entry scripts), gzipped. Needs a running server
 * (BENCH_BASE_URL, default http://localhost:4173). Baseline in the same run: the bytes of the
 * map chunks that load afterwards. Prints; never asserts.
 */
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { table } from './stats';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function runBytesBench(base = process.env.BENCH_BASE_URL ?? 'http://localhost:4173'): Promise<string[]> {
	const html = await (await fetch(`${base}/`)).text();
	const urls = new Set<string>();
	for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:js|css))"/g)) urls.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) urls.add(m[1]);
	let js = 0;
	let css = 0;
	let jsRaw = 0;
	for (const u of urls) {
		const body = Buffer.from(await (await fetch(new URL(u, `${base}/`))).arrayBuffer());
		const gz = gzipSync(body, { level: 9 }).length;
		if (u.endsWith('.css')) css += gz;
		else {
			js += gz;
			jsRaw += body.length;
		}
	}
	// The map's own chunks, loaded later: the largest client chunks that mention maplibre/leaflet.
	const dir = path.resolve('.svelte-kit/output/client/_app/immutable');
	let mapBytes = 0;
	if (fs.existsSync(dir))
		for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
			if (!f.endsWith('.js')) continue;
			const body = fs.readFileSync(path.join(dir, f));
			if (/maplibre|L\.Map|leaflet/i.test(body.toString('latin1').slice(0, 200_000))) mapBytes += gzipSync(body, { level: 9 }).length;
		}
	return [
		'## `/` before the map (gzip -9)',
		...table(
			['what', 'gzipped', 'note'],
			[
				['JS linked by the page', kb(js), `${urls.size} files, ${kb(jsRaw)} raw; target ≤ 120 KB`],
				['CSS linked by the page', kb(css), ''],
				['map chunks loaded afterwards (not counted)', kb(mapBytes), 'for comparison']
			]
		)
	];
}

if (import.meta.url === `file://${process.argv[1]}`) runBytesBench().then((l) => console.log(l.join('\n')));
