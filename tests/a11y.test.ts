// Accessibility (WCAG 2.2 A/AA) of every page in the states that matter, measured with axe-core
// in Chromium, plus what axe cannot see: the keyboard (every action reached by Tab with a
// visible, unclipped focus ring; one whole task done by keyboard alone) and the charts' text
// alternatives and data tables. Pages are found on disk (routeIds), so a new route is swept
// without editing this file (or fails here, asking for a value of its new route parameter).
// Demo pages come from the shared e2e server; signed-in and admin pages from a second server on
// a copy of the same warehouse with one admin user. Writes test-results/a11y.md.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../src/lib/contrast';
import { NAV } from '../src/lib/nav';
import { npmRun, openE2E, RESULTS, routeIds, sql, startServer, type RunningServer } from './harness';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version;
// WCAG 2.0/2.1/2.2 level A and AA, plus axe's best practices (landmarks: the "region" rule).
// Any critical or serious finding fails the test; moderate and minor ones are reported.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const FAILING = new Set(['critical', 'serious']);

const ADMIN = { name: 'a11y-admin', password: 'sandi-a11y-admin-123' };

interface Profile {
	name: string;
	auth: 'demo' | 'signed-in';
	lang: 'id' | 'en';
	width: number;
}
const DESKTOP_DEMO_ID: Profile = { name: 'demo · id · 1366', auth: 'demo', lang: 'id', width: 1366 };
const PHONE_SIGNED_EN: Profile = { name: 'signed-in · en · 390', auth: 'signed-in', lang: 'en', width: 390 };
// Every page runs in the first two, so each page is checked signed in and in demo mode, in both
// languages and at both widths. The other two complete every pair of (auth, language, width)
// on the pages that show the site's shared chrome in all its variants. TELAAH_A11Y_FULL=1 runs
// every page in all four, with the chart tables opened at every width (the before/after table).
const FULL = process.env.TELAAH_A11Y_FULL === '1';
const PROFILES: { profile: Profile; only?: string[] }[] = [
	{ profile: DESKTOP_DEMO_ID },
	{ profile: PHONE_SIGNED_EN },
	{ profile: { name: 'demo · en · 390', auth: 'demo', lang: 'en', width: 390 }, only: ['/', '/wilayah/[code]', '/masuk'] },
	{ profile: { name: 'signed-in · id · 1366', auth: 'signed-in', lang: 'id', width: 1366 }, only: ['/', '/wilayah/[code]', '/admin'] }
];

interface Finding {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string; summary: string }[];
}
interface Result {
	view: string;
	profile: string;
	findings: Finding[];
}
const results: Result[] = [];

let browser: Browser;
let demoBase: string;
let db: string;
let dir: string;
let server: RunningServer;
let cookie: string;
/** Values for route parameters, from the warehouse; a route with a parameter not here fails the sweep. */
const params: Record<string, string> = {};
let province: string;

beforeAll(async () => {
	const e2e = await openE2E();
	({ browser, base: demoBase, db } = e2e);
	const one = async (q: string) => String(Object.values((await sql(db, q))[0]!)[0]);
	const kab = await one(`SELECT regency_code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
	province = kab.slice(0, 2);
	Object.assign(params, {
		code: kab,
		region: kab,
		type: await one(`SELECT opd_type FROM complaints WHERE opd_type IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
		id: await one(`SELECT tracking_id FROM complaints WHERE NOT is_confidential ORDER BY created_at DESC, tracking_id LIMIT 1`),
		month: await one(`SELECT strftime(max(created_at) - INTERVAL 1 MONTH, '%Y-%m') FROM complaints`)
	});
	// Signed in: a second server on a copy of the same warehouse (users.json sits beside it).
	dir = mkdtempSync(join(tmpdir(), 'telaah-a11y-'));
	const own = join(dir, 'w.duckdb');
	copyFileSync(db, own);
	if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${own}.wal`);
	npmRun('user', ['add', ADMIN.name, '--role', 'admin', '--db', own], 60_000, `${ADMIN.password}\n`);
	server = await startServer(own);
	const res = await fetch(`${server.origin}/masuk`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ name: ADMIN.name, password: ADMIN.password, next: '/' }),
		headers: { Origin: server.origin, Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' }
	});
	const set = res.headers.getSetCookie().find((c) => c.startsWith('telaah_session='));
	if (res.status !== 303 || !set) throw new Error(`sign-in failed: ${res.status}\n${server.output()}`);
	cookie = set.split(';')[0]!.slice('telaah_session='.length);
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir && !process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
	if (results.length) {
		mkdirSync(RESULTS, { recursive: true });
		writeFileSync(join(RESULTS, 'a11y.md'), table(results));
	}
});

const fill = (id: string) =>
	id.replace(/\[{1,2}(?:\.\.\.)?(\w+)\]{1,2}/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`route ${id}: no value for [${name}]; add one to params in tests/a11y.test.ts`);
		return encodeURIComponent(params[name]!);
	});

interface View {
	label: string;
	path: string;
	/** who sees it: everyone (demo and signed in), the admin only, or nobody signed in */
	who: 'all' | 'admin' | 'signed-out';
	/**
	 * Leave <details> closed for axe: the weekly tables (≈ 9,000 cells) are the monthly tables'
	 * markup, longer; opening them would cost axe ~15 s per run for nothing new.
	 */
	closed?: boolean;
	/**
	 * Left out of the Tab walk: the kab/kota map's 514 links behave as the province map's 38
	 * (walked on /wilayah?level=province) and /wilayah/[province]'s; weekly /tren has monthly's stops.
	 */
	noWalk?: boolean;
	status?: number;
}

/** Every page route on disk, plus the states of pages that look different. */
function views(): View[] {
	const out: View[] = routeIds(['+page.svelte']).map((id) => ({
		label: id,
		path: fill(id),
		who: id === '/masuk' ? 'signed-out' : id === '/admin' || id.startsWith('/admin/') ? 'admin' : 'all',
		noWalk: id === '/wilayah'
	}));
	out.push(
		{ label: '/tren?grain=week', path: '/tren?grain=week', who: 'all', closed: true, noWalk: true },
		{ label: '/wilayah?level=province', path: '/wilayah?level=province&metric=follow_up', who: 'all' },
		{ label: '/wilayah/[province]', path: `/wilayah/${province}`, who: 'all' },
		{ label: '/ (empty period)', path: '/?from=2099-01&to=2099-12', who: 'all' },
		{ label: '/banding (three regions)', path: '/banding?r=36.03&r=32.73&r=36&from=2023-01&to=2023-12', who: 'all' },
		{ label: '404', path: '/wilayah/99.99', who: 'all', status: 404 }
	);
	return out;
}

async function newContext(p: Profile, extra: { javaScriptEnabled?: boolean; acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
	const context = await browser.newContext({
		// axe is injected as an inline script, which the app's CSP (nonces only) would refuse.
		bypassCSP: true,
		viewport: { width: p.width, height: 900 },
		...(p.width < 640 ? { isMobile: true, hasTouch: true } : {}),
		...extra
	});
	if (p.auth === 'signed-in') await context.addCookies([{ name: 'telaah_session', value: cookie, url: server.origin }]);
	return context;
}

/** The page's URL for a profile: the signed-in server unless in demo mode (signed out: the signed-in server without a cookie). */
function urlOf(v: View, p: Profile): string {
	const origin = p.auth === 'signed-in' || v.who === 'signed-out' ? server.origin : demoBase;
	return `${origin}${v.path}${v.path.includes('?') ? '&' : '?'}lang=${p.lang}`;
}
const shows = (v: View, p: Profile) =>
	!(v.who === 'admin' && p.auth !== 'signed-in') && !(v.who === 'signed-out' && p.auth === 'signed-in');

/** axe on the page as it stands, after opening every <details> (chart data tables) unless told not to. */
async function axe(page: Page, open: boolean): Promise<Finding[]> {
	if (open) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	await page.addScriptTag({ content: AXE });
	return page.evaluate(async (tags) => {
		type Raw = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] };
		const w = window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Raw[] }> } };
		const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary }))
		}));
	}, AXE_TAGS);
}

function table(rs: Result[]): string {
	const cell = (r: Result, impact: string) =>
		r.findings
			.filter((f) => f.impact === impact)
			.map((f) => `${f.id} ${f.nodes.length}`)
			.join(', ') || '–';
	const nodes = (impact: string) =>
		rs
			.flatMap((r) => r.findings)
			.filter((f) => f.impact === impact)
			.reduce((n, f) => n + f.nodes.length, 0);
	return [
		`axe-core ${AXE_VERSION}, tags ${AXE_TAGS.join(' ')}, <details> (chart data tables) opened${FULL ? '' : ' at desktop width'}; ${rs.length} page runs; nodes: critical ${nodes('critical')}, serious ${nodes('serious')}, moderate ${nodes('moderate')}, minor ${nodes('minor')}`,
		'',
		'| page | profile | critical | serious | moderate | minor |',
		'|---|---|---|---|---|---|',
		...rs.map(
			(r) => `| ${r.view} | ${r.profile} | ${cell(r, 'critical')} | ${cell(r, 'serious')} | ${cell(r, 'moderate')} | ${cell(r, 'minor')} |`
		),
		''
	].join('\n');
}

describe('axe-core, WCAG 2.2 A/AA', () => {
	it('sweeps every page route on disk (and asks for values of new route parameters)', () => {
		const labels = views().map((v) => v.label);
		expect(labels).toEqual(
			expect.arrayContaining([
				'/',
				'/tren',
				'/wilayah',
				'/wilayah/[code]',
				'/instansi/[type]',
				'/aduan/[id]',
				'/masuk',
				'/admin',
				'/briefing/[region]/[month]'
			])
		);
		for (const n of NAV) expect(labels).toContain(n.href);
	});

	it('finds no critical or serious violation on any page, in any profile', async () => {
		const all = views();
		// Two profiles at a time: axe's work happens in the pages' renderer processes.
		const sweep = async ({ profile: p, only }: (typeof PROFILES)[number]) => {
			const context = await newContext(p);
			const page = await context.newPage();
			const out: Result[] = [];
			for (const v of all.filter((x) => shows(x, p) && (FULL || !only || only.includes(x.label)))) {
				const res = await page.goto(urlOf(v, p));
				expect(res?.status(), `${p.name} ${v.path}`).toBe(v.status ?? 200);
				// Opened tables are checked at desktop width; on a phone they are the same markup and
				// colours in a box that scrolls (TableScroll), and would double the sweep's time.
				out.push({ view: v.label, profile: p.name, findings: await axe(page, !v.closed && (FULL || p.width >= 640)) });
			}
			await context.close();
			return out;
		};
		for (let i = 0; i < PROFILES.length; i += 2) results.push(...(await Promise.all(PROFILES.slice(i, i + 2).map(sweep))).flat());
		const failing = results.flatMap((r) =>
			r.findings
				.filter((f) => FAILING.has(f.impact))
				.map((f) => `${r.view} [${r.profile}] ${f.impact} ${f.id} ×${f.nodes.length}: ${f.help} (e.g. ${f.nodes[0]?.target})`)
		);
		console.log(`\n${table(results)}`);
		expect(failing).toEqual([]);
	}, 600_000);
});

/** What the keyboard focus is on, and whether its ring can be seen (in the page, evaluated). */
interface FocusState {
	key: string | null;
	what: string;
	ring: boolean;
	color: string;
	behind: string;
	/** the element's text colour on its own background, when it shows text */
	text: { fg: string; bg: string } | null;
	clippedBy: string | null;
	inView: boolean;
}

function focusState(): FocusState | null {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return null;
	const describe = (e: Element) =>
		`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
	const cs = getComputedStyle(el);
	const width = parseFloat(cs.outlineWidth) || 0;
	const offset = parseFloat(cs.outlineOffset) || 0;
	const opaque = (c: string) => !/^rgba\(.*,\s*0\)$/.test(c) && c !== 'transparent';
	const bgOf = (from: Element | null) => {
		for (let x = from; x; x = x.parentElement) {
			const b = getComputedStyle(x).backgroundColor;
			if (opaque(b)) return b;
		}
		return 'rgb(255, 255, 255)';
	};
	// A ring drawn outside the element lies on its surroundings; one drawn inside, on the element.
	const behind = offset >= 0 ? bgOf(el.parentElement) : bgOf(el);
	const r = el.getBoundingClientRect();
	const grow = Math.max(0, offset + width);
	// A box that hides its overflow must hold the whole ring. In a box that scrolls, Chromium
	// scrolls only a focused element that is wholly out of view, so a partly shown one is the
	// browser's doing, and allowed (WCAG 2.4.11: focus not *entirely* hidden); wholly hidden is not.
	let clippedBy: string | null = null;
	for (let a = el.parentElement; a && !clippedBy; a = a.parentElement) {
		const s = getComputedStyle(a);
		if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
		const q = a.getBoundingClientRect();
		const scrolls = /auto|scroll/.test(`${s.overflowX} ${s.overflowY}`);
		const out = scrolls
			? r.right <= q.left || r.left >= q.right || r.bottom <= q.top || r.top >= q.bottom
			: (s.overflowX !== 'visible' && (r.left - grow < q.left - 1 || r.right + grow > q.right + 1)) ||
				(s.overflowY !== 'visible' && (r.top - grow < q.top - 1 || r.bottom + grow > q.bottom + 1));
		if (out) clippedBy = describe(a);
	}
	return {
		key: el.getAttribute('data-a11y'),
		what: describe(el),
		ring: cs.outlineStyle !== 'none' && width >= 2,
		color: cs.outlineColor,
		behind,
		text: (el.textContent ?? '').trim() && !(el instanceof SVGElement) ? { fg: cs.color, bg: bgOf(el) } : null,
		clippedBy,
		inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
	};
}

/** Why a focus state is not a visible focus indicator, or null when it is. */
function focusProblem(s: FocusState): string | null {
	if (!s.ring) return 'no focus ring';
	if (s.clippedBy) return `ring clipped by ${s.clippedBy}`;
	if (!s.inView) return 'focused outside the viewport';
	const ratio = contrastRatio(s.color, s.behind);
	if (ratio < 3) return `ring contrast ${ratio.toFixed(2)}:1 (${s.color} on ${s.behind})`;
	// axe leaves text in its background's very colour (1:1) as "incomplete", taking it for
	// hidden text; on a control it is an unreadable one.
	const text = s.text && contrastRatio(s.text.fg, s.text.bg);
	return text && text < 4.5 ? `text contrast ${text.toFixed(2)}:1 while focused (${s.text!.fg} on ${s.text!.bg})` : null;
}

/**
 * Presses Tab from the top of the page until focus leaves it, checking each stop's focus ring.
 * Returns the actionable elements the page shows that Tab never reached, and the bad stops.
 */
async function tabThrough(page: Page, cap = 2000): Promise<{ missed: string[]; bad: string[]; reached: string[] }> {
	const actionable = await page.evaluate(() => {
		const sel =
			'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
		return [...document.querySelectorAll(sel)]
			.filter((el) => el.checkVisibility({ visibilityProperty: true }))
			.map((el, i) => {
				el.setAttribute('data-a11y', String(i));
				return `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
			});
	});
	const seen = new Set<string>();
	const bad: string[] = [];
	const reached: string[] = [];
	let first: string | null = null;
	let last: string | null = null;
	for (let n = 0; n < cap; n++) {
		await page.keyboard.press('Tab');
		const s = await page.evaluate(focusState);
		// Past the last stop focus leaves the page (or wraps round to the first).
		if (!s || (first !== null && s.key === first)) break;
		first ??= s.key;
		// A date or month field takes one Tab per segment.
		if (s.key === last) continue;
		last = s.key;
		if (s.key !== null) seen.add(s.key);
		reached.push(s.what);
		const why = focusProblem(s);
		if (why) bad.push(`${s.what}: ${why}`);
	}
	return { missed: actionable.filter((_, i) => !seen.has(String(i))), bad, reached };
}

describe('keyboard', () => {
	it('reaches every action on every page by Tab, each with a visible focus ring (desktop demo, phone signed in)', async () => {
		const all = views();
		const problems: string[] = [];
		const reached: string[] = [];
		for (const p of [DESKTOP_DEMO_ID, PHONE_SIGNED_EN]) {
			const context = await newContext(p);
			const page = await context.newPage();
			for (const v of all.filter((x) => shows(x, p) && !x.noWalk)) {
				await page.goto(urlOf(v, p));
				const r = await tabThrough(page);
				problems.push(
					...r.missed.map((m) => `${v.label} [${p.name}] not reached by Tab: ${m}`),
					...r.bad.map((b) => `${v.label} [${p.name}] ${b}`)
				);
				reached.push(...r.reached);
			}
			await context.close();
		}
		expect(problems).toEqual([]);
		// The walk met each kind of action (so an empty walk cannot pass): filters, sort links,
		// view switches ("tabs"), downloads, chart tables, the skip links and sign-out.
		for (const kind of [
			/^select#f-region/,
			/^button.* "(Terapkan|Apply)/,
			/^a\.sort /,
			/\.view-switch|^a\[level-|^a\[grain-/,
			/^a\[csv-link\]/,
			/^summary/,
			/^a\.skip /,
			/^a\[map-skip\]/,
			/^button "(Keluar|Sign out)/
		]) {
			expect(
				reached.some((w) => kind.test(w)),
				String(kind)
			).toBe(true);
		}
	}, 600_000);

	it('filters, applies, opens a region and downloads its CSV with the keyboard alone', async () => {
		const context = await newContext(DESKTOP_DEMO_ID, { acceptDownloads: true });
		const page = await context.newPage();
		const provName = (await sql<{ name: string }>(db, `SELECT name FROM regions WHERE code = '${province}'`))[0]!.name;
		/** Tab until `selector` has focus, checking every stop on the way has a visible ring. */
		const tabTo = async (selector: string, cap = 300) => {
			for (let n = 0; n < cap; n++) {
				await page.keyboard.press('Tab');
				const s = await page.evaluate(focusState);
				expect(s, `focus left the page before ${selector}`).not.toBeNull();
				expect(focusProblem(s!), s!.what).toBeNull();
				if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return n + 1;
			}
			throw new Error(`${selector} not reached in ${cap} Tab presses`);
		};
		await page.goto(`${demoBase}/wilayah`);
		// Filter: the region select, chosen by typing the province's name.
		await tabTo('#f-region');
		await page.keyboard.type(provName);
		expect(await page.locator('#f-region').inputValue()).toBe(province);
		// Apply.
		await tabTo('[data-testid="filter-bar"] button[type="submit"]');
		await Promise.all([page.waitForURL(new RegExp(`[?&]region=${province}(&|$)`)), page.keyboard.press('Enter')]);
		// Past the map by its skip link, then the first region of the ranking table.
		await tabTo('[data-testid="map-skip"]');
		await page.keyboard.press('Enter');
		const presses = await tabTo('[data-testid="region-table"] tbody a', 20);
		// Landing in the table, the first stops are its column headers' sort links.
		const headerLinks = await page.locator('[data-testid="region-table"] thead a').count();
		expect(presses, 'the skip link lands in the ranking table').toBeLessThanOrEqual(headerLinks + 1);
		const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href')!);
		await Promise.all([page.waitForURL((u) => u.pathname === href.split('?')[0]), page.keyboard.press('Enter')]);
		// Download the region's agency table.
		await tabTo('[data-testid="agencies-csv"]');
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		const file = await download.path();
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		expect(readFileSync(file, 'utf8').split('\n').length).toBeGreaterThan(1);
		await context.close();
	});
});

describe('charts', () => {
	it('gives every chart a title, a summary and a data table reachable and opened by keyboard; the map its ranking table', async () => {
		const context = await newContext(DESKTOP_DEMO_ID);
		const page = await context.newPage();
		const pages = [
			'/',
			'/tren',
			`/wilayah/${params.code}`,
			`/wilayah/${province}`,
			`/instansi/${params.type}`,
			'/topik',
			`/briefing/${params.region}/${params.month}`
		];
		let charts = 0;
		for (const path of pages) {
			await page.goto(`${demoBase}${path}`);
			const found = await page.evaluate(() =>
				[...document.querySelectorAll('.chart-svg svg[aria-label], .b-svg svg[aria-label]')]
					.filter((svg) => svg.checkVisibility() && !svg.querySelector('a'))
					.map((svg) => {
						// The chart's table: the first .chart-data after the chart's figure.
						const figure = svg.closest('figure.chart, figure.b-chart')!;
						let next = figure.nextElementSibling;
						while (next && !next.matches('details.chart-data')) next = next.nextElementSibling;
						return {
							role: svg.getAttribute('role'),
							label: svg.getAttribute('aria-label') ?? '',
							description: svg.getAttribute('aria-description') ?? '',
							nestedLabels: svg.querySelectorAll('[aria-label]').length,
							table: next ? next.querySelectorAll('tbody tr').length : -1
						};
					})
			);
			expect(found.length, path).toBeGreaterThan(0);
			for (const c of found) {
				expect(c.role, path).toBe('img');
				expect(c.label.length, path).toBeGreaterThan(10);
				expect(c.description, path).toMatch(/\d.*\./);
				expect(c.nestedLabels, path).toBe(0);
				expect(c.table, `${path}: data table rows`).toBeGreaterThan(0);
			}
			charts += found.length;
			// Keyboard: focus the first table toggle, open it with Enter, Tab into its table box.
			const summary = page.locator('details.chart-data > summary').first();
			await summary.focus();
			await page.keyboard.press('Enter');
			expect(await page.locator('details.chart-data').first().getAttribute('open'), path).not.toBeNull();
			await page.keyboard.press('Tab');
			expect(
				await page.evaluate(
					() => document.activeElement?.closest('details.chart-data') !== null && document.activeElement?.getAttribute('role') === 'group'
				),
				path
			).toBe(true);
		}
		expect(charts).toBeGreaterThanOrEqual(8);
		// The map: regions are links named "region: value"; the map says what it shows and that
		// the ranking table below is its equivalent, and its skip link points at that table.
		await page.goto(`${demoBase}/wilayah`);
		const map = page.locator('[data-testid="map"] svg').first();
		expect(await map.getAttribute('aria-description')).toMatch(/\d.*(tabel peringkat)/);
		expect(await page.locator('[data-testid="map"] a[aria-label]').count()).toBeGreaterThan(400);
		const target = (await page.getByTestId('map-skip').getAttribute('href'))!;
		expect(await page.locator(`${target}[data-testid="region-table"]`).count()).toBe(1);
		await context.close();
	}, 300_000);
});
