import { build } from 'vite';
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
const DIST = '/work/main/bench/map/dist';
await build({ root: '/work/main/bench/map', configFile: false, logLevel: 'warn', base: './', build: { outDir: DIST, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: { main: '/work/main/bench/map/index.html', markercluster: '/work/main/bench/map/markercluster.html' } } } });
const server = createServer(async (req, res) => { const p = new URL(req.url!, 'http://x').pathname; try { const b = await readFile(join(DIST, p)); res.writeHead(200, { 'content-type': /\.m?js$/.test(p) ? 'text/javascript' : extname(p) === '.html' ? 'text/html' : extname(p) === '.css' ? 'text/css' : 'application/octet-stream' }); res.end(b); } catch { res.writeHead(404).end(); } });
await new Promise<void>((r) => server.listen(4391, '127.0.0.1', () => r()));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...(process.env.HRR ? ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] : []), '--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    if (!process.env.HRR) await ctx.route('**/*', (r) => new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort());
    const page = await ctx.newPage();
    page.on('console', (m) => { if (/ctor|coords/.test(m.text()) && !/render/.test(m.text())) console.log('  console:', m.text()); });
    page.on('pageerror', (e) => console.log('  error:', e.message));
    await page.goto(`http://127.0.0.1:4391/index.html?${q}`);
    const h = await page.waitForFunction(() => (window as any).__bench, undefined, { timeout: 120000 });
    console.log(q, JSON.stringify(await h.jsonValue()));
    await ctx.close();
  }
}
await browser.close(); server.close();
