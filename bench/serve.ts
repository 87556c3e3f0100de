// Server response times of every dashboard page and CSV endpoint against the built server
// (`node build`) on the benchmark warehouse, its peak memory, and the JavaScript each page ships.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { startServer } from '../pipelines/lib/app-server.ts';
import { timing, type PageResult } from './report.ts';

/** What the URLs are made of: months with data, regions, OPD types and ids in the warehouse. */
interface Facts {
	months: string[];
	provinces: string[];
	regencies: string[];
	opdTypes: string[];
	ids: string[];
}

async function facts(db: string, n: number): Promise<Facts> {
	const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	const col = async (sql: string) => (await conn.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
	try {
		return {
			months: await col(`SELECT DISTINCT strftime(created_at, '%Y-%m') FROM complaints WHERE created_at IS NOT NULL ORDER BY 1`),
			// The busiest regions first: the most expensive pages to answer.
			provinces: await col(
				`SELECT province_code FROM complaints WHERE province_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${n}`
			),
			regencies: await col(
				`SELECT regency_code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${n}`
			),
			opdTypes: await col(`SELECT opd_type FROM complaints GROUP BY 1 ORDER BY count(*) DESC, 1`),
			// Spread over the table (not the first rows of one batch).
			ids: await col(`SELECT tracking_id FROM complaints USING SAMPLE reservoir(${n} ROWS) REPEATABLE (7) ORDER BY 1`)
		};
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}

/** A page: the URL for the cold and cached figures, and the i-th URL with its own filters. */
interface Target {
	name: string;
	url: string;
	variant: (i: number) => string;
	page: boolean;
}

const cycle = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** Words complaints are searched for (/aduan?q=), with a period each; see also bench/search.ts. */
const SEARCH_WORDS = ['jalan', 'banjir', 'pdam', 'bansos', 'sekolah', 'jalan rusak'];

function targets(root: string, f: Facts, reps: number): { list: Target[]; skipped: string[] } {
	const m = f.months;
	if (m.length < 2) throw new Error('the benchmark warehouse has fewer than two months of data');
	// Every uncached request of the run gets its own period (start month and length 1..36
	// months, in a fixed shuffled order), so no two requests share their SQL parameters.
	const pairs: string[] = [];
	for (let a = 0; a < m.length; a++) for (let len = 0; len < 36 && a + len < m.length; len++) pairs.push(`from=${m[a]}&to=${m[a + len]}`);
	let seed = 7;
	for (let i = pairs.length - 1; i > 0; i--) {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		const j = seed % (i + 1);
		[pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
	}
	let used = 0;
	const period = () => pairs[used++ % pairs.length]!;
	const q =
		(path: string, extra = '') =>
		() =>
			`${path}?${period()}${extra}`;
	const opd = encodeURIComponent(f.opdTypes[0]!);
	const list: Target[] = [
		{ name: '/', url: '/', variant: q('/'), page: true },
		{ name: '/tren', url: '/tren', variant: q('/tren'), page: true },
		{ name: '/tren?grain=week', url: '/tren?grain=week', variant: q('/tren', '&grain=week'), page: true },
		{ name: '/wilayah', url: '/wilayah', variant: q('/wilayah'), page: true },
		{ name: '/wilayah?level=province', url: '/wilayah?level=province', variant: q('/wilayah', '&level=province'), page: true },
		{
			name: '/wilayah/[province]',
			url: `/wilayah/${f.provinces[0]}`,
			variant: (i) => `/wilayah/${cycle(f.provinces, i)}?${period()}`,
			page: true
		},
		{
			name: '/wilayah/[kab/kota]',
			url: `/wilayah/${f.regencies[0]}`,
			variant: (i) => `/wilayah/${cycle(f.regencies, i)}?${period()}`,
			page: true
		},
		{ name: '/instansi', url: '/instansi', variant: q('/instansi'), page: true },
		{
			name: '/instansi?region=[kab/kota]',
			url: `/instansi?region=${f.regencies[0]}`,
			variant: (i) => `/instansi?${period()}&region=${cycle(f.regencies, i)}`,
			page: true
		},
		{
			name: '/instansi/[type]',
			url: `/instansi/${opd}`,
			variant: (i) => `/instansi/${encodeURIComponent(cycle(f.opdTypes, i))}?${period()}`,
			page: true
		},
		{ name: '/aduan', url: '/aduan', variant: q('/aduan'), page: true },
		{ name: '/aduan?page=50', url: '/aduan?page=50', variant: q('/aduan', '&page=50'), page: true },
		{
			name: '/aduan?q=[word]',
			url: `/aduan?q=${SEARCH_WORDS[0]}`,
			variant: (i) => `/aduan?${period()}&q=${encodeURIComponent(cycle(SEARCH_WORDS, i))}`,
			page: true
		},
		{
			name: '/aduan/[id]',
			url: `/aduan/${encodeURIComponent(f.ids[0]!)}`,
			variant: (i) => `/aduan/${encodeURIComponent(cycle(f.ids, i + 1))}`,
			page: true
		}
	];
	const skipped: string[] = [];
	const has = (route: string) => existsSync(join(root, 'src/routes', route));
	// Pages and CSVs of the month-based views take ?month= (and the region filter), not a period.
	const byMonth =
		(path: string, k = 0) =>
		(i: number) =>
			`${path}?month=${m[(m.length - 2 - ((i + k) % m.length) + m.length) % m.length]}&region=${cycle(f.regencies, i + k)}`;
	const last = m[m.length - 2]!;
	if (has('topik/+page.server.ts')) list.push({ name: '/topik', url: '/topik', variant: q('/topik'), page: true });
	else skipped.push('/topik (no such page in this checkout)');
	if (has('rekomendasi/+page.server.ts'))
		list.push({ name: '/rekomendasi', url: '/rekomendasi', variant: byMonth('/rekomendasi'), page: true });
	else skipped.push('/rekomendasi (no such page in this checkout)');
	if (has('briefing/[region]/[month]/+page.server.ts')) {
		list.push({
			name: '/briefing/[kab/kota]/[month]',
			url: `/briefing/${f.regencies[0]}/${last}`,
			variant: (i) => `/briefing/${cycle(f.regencies, i + 1)}/${m[(m.length - 2 - (i % 12) + m.length) % m.length]}`,
			page: true
		});
	} else skipped.push('/briefing/[region]/[month] (no such page in this checkout)');
	// Every download endpoint present in this checkout, as CSV and as its Arrow twin (a route
	// `name.[ext=download]` serves both; an older checkout's `name.csv` only the CSV).
	const api = join(root, 'src/routes/api');
	const download = (dir: string) => /^(.+)\.(?:csv|\[ext=download\])$/.exec(dir);
	const formats = (dir: string) => (dir.endsWith('.[ext=download]') ? ['csv', 'arrow'] : ['csv']);
	for (const dir of existsSync(api) ? readdirSync(api).sort() : []) {
		const table = download(dir)?.[1];
		if (table)
			for (const ext of formats(dir)) {
				const path = `/api/${table}.${ext}`;
				list.push({ name: path, url: path, variant: table === 'rekomendasi' ? byMonth(path, reps) : q(path), page: false });
			}
		else if (dir === 'instansi' && existsSync(api) && readdirSync(join(api, dir)).some((d) => download(d)?.[1] === '[type]')) {
			const sub = readdirSync(join(api, dir)).find((d) => download(d)?.[1] === '[type]')!;
			for (const ext of formats(sub))
				list.push({
					name: `/api/${dir}/[type].${ext}`,
					url: `/api/${dir}/${opd}.${ext}`,
					variant: (i) => `/api/${dir}/${encodeURIComponent(cycle(f.opdTypes, i))}.${ext}?${period()}`,
					page: false
				});
		} else skipped.push(`/api/${dir}/… (${dir === 'briefing' ? 'PDFs: timed through npm run briefing' : 'not known to the bench'})`);
	}
	return { list, skipped };
}

async function timed(origin: string, url: string): Promise<{ ms: number; status: number; bytes: number }> {
	const t0 = performance.now();
	const r = await fetch(origin + url);
	const bytes = (await r.arrayBuffer()).byteLength;
	return { ms: performance.now() - t0, status: r.status, bytes };
}

/**
 * The JavaScript a page makes the browser load, gzip-compressed, in KB: the modules its HTML
 * imports or preloads (SvelteKit lists every module a page needs) and, transitively, their
 * static imports. Dynamic imports inside modules (other routes' code) are not followed.
 */
async function jsGzipKb(origin: string, url: string): Promise<number> {
	const html = await (await fetch(origin + url)).text();
	const refs = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m.slice(1).find(Boolean)!);
	const pending = refs(
		html,
		/import\(\s*["']([^"']+\.js)["']\s*\)|rel="modulepreload"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*rel="modulepreload"|<script[^>]*src="([^"]+)"/g
	).map((r) => new URL(r, origin + url).href);
	const seen = new Set<string>();
	let bytes = 0;
	while (pending.length) {
		const next = pending.pop()!;
		if (seen.has(next)) continue;
		seen.add(next);
		const r = await fetch(next);
		if (!r.ok) throw new Error(`${r.status} for ${next} (loaded by ${url})`);
		const js = Buffer.from(await r.arrayBuffer());
		bytes += gzipSync(js).length;
		for (const ref of refs(js.toString('utf8'), /(?:from|import)\s*["']([^"']+\.js)["']/g)) pending.push(new URL(ref, next).href);
	}
	return Math.round(bytes / 102.4) / 10;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!m) throw new Error(`no VmHWM for pid ${pid}`);
	return Math.round(Number(m[1]) / 1024);
}

export async function measureServer(
	root: string,
	db: string,
	reps: number,
	log: (s: string) => void
): Promise<{ pages: Record<string, PageResult>; server_peak_rss_mb: number; skipped: string[] }> {
	const f = await facts(db, reps + 1);
	const { list, skipped } = targets(root, f, reps);
	const server = await startServer(db, { root, timeoutMs: 120_000 });
	try {
		const pages: Record<string, PageResult> = {};
		for (const t of list) {
			const errors: string[] = [];
			const check = (url: string, status: number) => {
				if (status !== 200) errors.push(`${status} ${url}`);
			};
			const cold = await timed(server.origin, t.url);
			check(t.url, cold.status);
			const cached: number[] = [];
			for (let i = 0; i < reps; i++) {
				const r = await timed(server.origin, t.url);
				check(t.url, r.status);
				cached.push(r.ms);
			}
			const uncached: number[] = [];
			for (let i = 0; i < reps; i++) {
				const url = t.variant(i);
				const r = await timed(server.origin, url);
				check(url, r.status);
				uncached.push(r.ms);
			}
			const u = timing(uncached);
			pages[t.name] = {
				url: t.url,
				cold_ms: Math.round(cold.ms),
				cached: timing(cached),
				uncached: u,
				p95_ms: u.p95_ms,
				...(t.page ? {} : { bytes: cold.bytes }),
				...(errors.length ? { status_errors: errors.slice(0, 5) } : {})
			};
			log(
				`  ${t.name}: cold ${Math.round(cold.ms)} ms, cached p95 ${pages[t.name]!.cached.p95_ms} ms, uncached median ${u.median_ms} / p95 ${u.p95_ms} ms${errors.length ? `, ${errors.length} errors (${errors[0]})` : ''}`
			);
		}
		for (const t of list.filter((t) => t.page)) pages[t.name]!.js_gzip_kb = await jsGzipKb(server.origin, t.url);
		return { pages, server_peak_rss_mb: peakRssMb(server.child.pid!), skipped };
	} finally {
		await server.stop();
	}
}
