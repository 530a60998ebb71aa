/**
 * Bytes of JS and CSS that `/` needs before the map loads: the client entry, the route's nodes
 * (read from the server-rendered page) and everything they import statically, per the Vite
 * manifest; the map arrives by dynamic import and is counted apart. gzip -9. Needs a running
 * server on the current build (BENCH_BASE_URL, default http://localhost:4173). Prints; never asserts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { table } from './stats';

const CLIENT = path.resolve('.svelte-kit/output/client');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Chunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
}

export async function runBytesBench(base = process.env.BENCH_BASE_URL ?? 'http://localhost:4173'): Promise<string[]> {
	const manifest: Record<string, Chunk> = JSON.parse(fs.readFileSync(path.join(CLIENT, '.vite/manifest.json'), 'utf8'));
	const html = await (await fetch(`${base}/`)).text();
	const nodeIds = (html.match(/node_ids:\s*\[([\d,\s]+)\]/)?.[1] ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const roots = [
		'.svelte-kit/generated/client-optimized/app.js',
		...Object.keys(manifest).filter((k) => manifest[k].file.includes('/entry/start.')),
		...nodeIds.map((id) => `.svelte-kit/generated/client-optimized/nodes/${id}.js`)
	];
	const js = new Set<string>();
	const css = new Set<string>();
	const lazy = new Set<string>();
	const walk = (key: string, into: Set<string>) => {
		const chunk = manifest[key];
		if (!chunk || into.has(chunk.file)) return;
		into.add(chunk.file);
		for (const c of chunk.css ?? []) if (into === js) css.add(c);
		for (const i of chunk.imports ?? []) walk(i, into);
		// the map: MapView and everything it loads, statically or lazily (both renderers)
		for (const d of chunk.dynamicImports ?? []) if (into === lazy || d.includes('/map/')) walk(d, lazy);
	};
	for (const r of roots) walk(r, js);
	const size = (files: Iterable<string>) => {
		let gz = 0;
		let raw = 0;
		for (const f of files) {
			const body = fs.readFileSync(path.join(CLIENT, f));
			raw += body.length;
			gz += gzipSync(body, { level: 9 }).length;
		}
		return { gz, raw };
	};
	const before = size(js);
	const styles = size(css);
	const map = size([...lazy].filter((f) => !js.has(f)));
	return [
		`## \`/\` before the map (gzip -9; nodes ${nodeIds.join(', ')})`,
		...table(
			['what', 'gzipped', 'note'],
			[
				['JS `/` loads before the map', kb(before.gz), `${js.size} files, ${kb(before.raw)} raw; target ≤ 120 KB`],
				['CSS', kb(styles.gz), `${css.size} files`],
				['map JS loaded afterwards (baseline, not counted)', kb(map.gz), `${kb(map.raw)} raw`]
			]
		)
	];
}

if (import.meta.url === `file://${process.argv[1]}`) void runBytesBench().then((l) => console.log(l.join('\n')));
