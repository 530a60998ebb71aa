/**
 * The layout's rules, read off the source: which room each file lives in, which rooms it imports,
 * and no loop between rooms. ESLint refuses a forbidden import as it is typed; this test sees the
 * whole house at once (a loop needs two files to exist) and the one rule a linter cannot express:
 * no SQL in routes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide' || name.startsWith('.')) return [];
		if (statSync(path).isDirectory()) return walk(path);
		return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

const FILES = walk(SRC);

/** The room a source file belongs to, e.g. `server/platform`, `server/places`, `domain/shared`, `routes`. */
export function roomOf(file: string): string {
	const rel = relative(SRC, file).split('\\').join('/');
	if (rel.startsWith('routes/')) return 'routes';
	const parts = rel.split('/');
	if (parts[0] !== 'lib') return parts[0].replace(/\.(ts|svelte)$/, ''); // hooks.server.ts, app.html …
	if (parts[1] === 'server') return parts.length > 3 ? `server/${parts[2]}` : 'server';
	if (parts[1] === 'domain' || parts[1] === 'components') return parts.length > 3 ? `${parts[1]}/${parts[2]}` : parts[1];
	return parts.length > 2 ? parts[1] : 'lib';
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(SRC, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null; // a package
	for (const candidate of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// try the next form
		}
	}
	return null;
}

/** room → rooms it imports, with one example import per edge for the failure message. */
function roomGraph(): Map<string, Map<string, string>> {
	const graph = new Map<string, Map<string, string>>();
	for (const file of FILES) {
		const from = roomOf(file);
		const edges = graph.get(from) ?? new Map<string, string>();
		graph.set(from, edges);
		for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const target = resolveImport(file, match[1] ?? match[2]);
			if (!target || !target.startsWith(SRC)) continue;
			const to = roomOf(target);
			if (to !== from && !edges.has(to)) edges.set(to, `${relative(ROOT, file)} → ${relative(ROOT, target)}`);
		}
	}
	return graph;
}

/** Every cycle's rooms, found by depth-first search (each reported once, from its smallest room). */
export function cyclesOf(graph: Map<string, Map<string, string>>): string[][] {
	const cycles: string[][] = [];
	const seen = new Set<string>();
	const visit = (node: string, path: string[]) => {
		for (const next of graph.get(node)?.keys() ?? []) {
			const at = path.indexOf(next);
			if (at >= 0) {
				const cycle = path.slice(at);
				const key = [...cycle].sort().join(' ');
				if (!seen.has(key)) {
					seen.add(key);
					cycles.push([...cycle, next]);
				}
			} else if (path.length < 12) visit(next, [...path, next]);
		}
	};
	for (const node of graph.keys()) visit(node, [node]);
	return cycles;
}

const FEATURES = ['places', 'registration', 'participation', 'casework'];

describe('the layout', () => {
	const graph = roomGraph();
	const importsOf = (room: string) => [...(graph.get(room)?.entries() ?? [])];

	it('finds the rooms it is about (the test reads the real tree)', () => {
		for (const room of [
			'server/platform',
			'server/places',
			'server/registration',
			'server/participation',
			'domain/shared',
			'i18n',
			'routes'
		])
			expect(graph.has(room), room).toBe(true);
	});

	it('has no import loop between rooms', () => {
		const loops = cyclesOf(graph).map(
			(c) =>
				c.join(' → ') +
				'\n   ' +
				c
					.slice(0, -1)
					.map((r, i) => graph.get(r)!.get(c[i + 1]))
					.join('\n   ')
		);
		expect(loops).toEqual([]);
	});

	it('the platform imports no feature, no UI and no route', () => {
		const bad = importsOf('server/platform').filter(
			([to]) => FEATURES.some((f) => to === `server/${f}`) || to.startsWith('components') || to === 'routes'
		);
		expect(bad.map(([, example]) => example)).toEqual([]);
	});

	it('the domain imports no server code, no UI and no route; the shared domain no feature', () => {
		const bad = [...graph.keys()]
			.filter((room) => room.startsWith('domain'))
			.flatMap((room) =>
				importsOf(room).filter(
					([to]) =>
						to.startsWith('server') ||
						to.startsWith('components') ||
						to === 'routes' ||
						(room === 'domain/shared' && to.startsWith('domain/'))
				)
			);
		expect(bad.map(([, example]) => example)).toEqual([]);
	});

	it('a test stand-in (*-stand-in.ts, a fake of a third-party service) is imported by tests only', () => {
		const standIns = FILES.filter((f) => /-stand-in\.ts$/.test(f));
		expect(standIns.length).toBeGreaterThan(0);
		const bad = FILES.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(IMPORT)]
				.map((m) => resolveImport(file, m[1] ?? m[2]))
				.filter((target) => target !== null && standIns.includes(target))
				.map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target!)}`)
		);
		expect(bad).toEqual([]);
	});

	it('the i18n room imports no server code and no UI', () => {
		const bad = importsOf('i18n').filter(([to]) => to.startsWith('server') || to.startsWith('components'));
		expect(bad.map(([, example]) => example)).toEqual([]);
	});
});

/** A statement a route would run itself: our tables are always named with their schema. */
const SQL = /\b(from|into|update|join)\s+"?(public|casework|private|auth|extensions|storage)"?\."?\w+/i;

describe('routes guard, call, return', () => {
	const routeFiles = FILES.filter((f) => roomOf(f) === 'routes');
	it('no SQL string in src/routes', () => {
		expect(routeFiles.filter((f) => SQL.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
	});

	it('no route reaches the database port itself', () => {
		const direct = routeFiles.filter((f) => /['"]\$lib\/server\/platform\/db(\/[\w-]+)?['"]/.test(readFileSync(f, 'utf8')));
		expect(direct.map((f) => relative(ROOT, f))).toEqual([]);
	});

	it('the SQL pattern recognises the statements a route might hide', () => {
		for (const s of [
			'select id from public.places',
			'INSERT INTO casework.referrals',
			'update public.places set name',
			'delete from "public"."openings"'
		])
			expect(SQL.test(s), s).toBe(true);
		expect(SQL.test('Select the place from the list')).toBe(false);
	});

	it('the loop finder finds a loop', () => {
		const g = new Map([
			['a', new Map([['b', 'a→b']])],
			['b', new Map([['c', 'b→c']])],
			['c', new Map([['a', 'c→a']])]
		]);
		expect(cyclesOf(g)).toEqual([['a', 'b', 'c', 'a']]);
	});
});
