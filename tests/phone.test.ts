// Phones and the signed-in chrome. Every page route on disk (routeIds, so a new page is swept
// without editing this file) at 390 × 844: in demo mode in Indonesian, signed in as a kab/kota
// user in English, the admin pages as the admin, the sign-in page signed out. None scrolls
// sideways (document width = viewport width); each leaves a full-page screenshot in
// test-results/phone/; the nav shows every section; charts fit their box. The filter bar folds
// into one line that opens without JavaScript. Signed in: the user's region by name in the header
// and as the filter's default, and a sign-out button that can be seen.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../src/lib/contrast';
import { NAV } from '../src/lib/nav';
import { npmRun, openE2E, RESULTS, routeIds, sql, startServer, type RunningServer } from './harness';

const SHOTS = join(RESULTS, 'phone');
const PASSWORD = 'sandi-ponsel-12345';
const USERS = { daerah: 'ponsel-daerah', provinsi: 'ponsel-provinsi', admin: 'ponsel-admin' } as const;

let browser: Browser;
let demoBase: string;
let db: string;
let dir: string;
let server: RunningServer;
const cookies: Record<keyof typeof USERS, string> = { daerah: '', provinsi: '', admin: '' };
/** Values for route parameters, inside the kab/kota user's region. */
const params: Record<string, string> = {};
let kab: { code: string; name: string };
let province: { code: string; name: string };

beforeAll(async () => {
	const e2e = await openE2E();
	({ browser, base: demoBase, db } = e2e);
	const one = async (q: string) => String(Object.values((await sql(db, q))[0]!)[0]);
	const code = await one(`SELECT regency_code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
	kab = { code, name: await one(`SELECT short_name FROM regions WHERE code = '${code}'`) };
	province = { code: code.slice(0, 2), name: await one(`SELECT short_name FROM regions WHERE code = '${code.slice(0, 2)}'`) };
	Object.assign(params, {
		code,
		region: code,
		type: await one(`SELECT opd_type FROM complaints WHERE regency_code = '${code}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
		id: await one(
			`SELECT tracking_id FROM complaints WHERE NOT is_confidential AND regency_code = '${code}' ORDER BY created_at DESC, tracking_id LIMIT 1`
		),
		month: await one(`SELECT strftime(max(created_at) - INTERVAL 1 MONTH, '%Y-%m') FROM complaints`)
	});
	// Signed in: a second server on a copy of the warehouse, with a kab/kota, a province and an admin user.
	dir = mkdtempSync(join(tmpdir(), 'telaah-phone-'));
	const own = join(dir, 'w.duckdb');
	copyFileSync(db, own);
	if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${own}.wal`);
	npmRun('user', ['add', USERS.daerah, '--role', 'daerah', '--region', kab.code, '--db', own], 60_000, `${PASSWORD}\n`);
	npmRun('user', ['add', USERS.provinsi, '--role', 'provinsi', '--region', province.code, '--db', own], 60_000, `${PASSWORD}\n`);
	npmRun('user', ['add', USERS.admin, '--role', 'admin', '--db', own], 60_000, `${PASSWORD}\n`);
	server = await startServer(own);
	for (const [role, name] of Object.entries(USERS) as [keyof typeof USERS, string][]) {
		const res = await fetch(`${server.origin}/masuk`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ name, password: PASSWORD, next: '/' }),
			headers: { Origin: server.origin, Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' }
		});
		const set = res.headers.getSetCookie().find((c) => c.startsWith('telaah_session='));
		if (res.status !== 303 || !set) throw new Error(`sign-in of ${name} failed: ${res.status}\n${server.output()}`);
		cookies[role] = set.split(';')[0]!.slice('telaah_session='.length);
	}
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir && !process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
});

const fill = (id: string) =>
	id.replace(/\[{1,2}(?:\.\.\.)?(\w+)\]{1,2}/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`route ${id}: no value for [${name}]; add one to params in tests/phone.test.ts`);
		return encodeURIComponent(params[name]!);
	});

type Who = 'demo' | keyof typeof USERS | 'signed-out';
async function phone(who: Who, opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<BrowserContext> {
	const width = opts.width ?? 390;
	const context = await browser.newContext({
		viewport: { width, height: 844 },
		...(width < 640 ? { isMobile: true, hasTouch: true } : {}),
		javaScriptEnabled: opts.javaScriptEnabled ?? true
	});
	if (who !== 'demo' && who !== 'signed-out')
		await context.addCookies([{ name: 'telaah_session', value: cookies[who], url: server.origin }]);
	return context;
}
const origin = (who: Who) => (who === 'demo' ? demoBase : server.origin);

/** What a phone shows of a page: sideways overflow, nav links outside the screen, charts wider than their box. */
function layout() {
	const visible = (e: Element) => e.checkVisibility({ visibilityProperty: true });
	const navOut = [...document.querySelectorAll('.site-nav a')]
		.filter((a) => {
			const r = a.getBoundingClientRect();
			return !visible(a) || r.left < 0 || r.right > innerWidth + 0.5;
		})
		.map((a) => a.textContent?.trim());
	const charts = [
		...document.querySelectorAll('.chart-svg svg[aria-label], .b-svg svg[aria-label], [data-testid="map"] svg[aria-label]')
	].filter(visible);
	const badCharts = charts
		.filter((svg) => {
			const box = svg.parentElement!.getBoundingClientRect();
			const r = svg.getBoundingClientRect();
			return !svg.getAttribute('viewBox') || r.width > box.width + 0.5 || r.left < box.left - 0.5;
		})
		.map((svg) => svg.getAttribute('aria-label') ?? svg.outerHTML.slice(0, 60));
	return {
		width: [document.documentElement.scrollWidth, innerWidth],
		nav: document.querySelectorAll('.site-nav a').length,
		navOut,
		charts: charts.length,
		badCharts
	};
}

describe('every page on a phone (390 × 844)', () => {
	it('has no sideways page scroll, every section in the nav, charts that fit; screenshots in test-results/phone/', async () => {
		const pages = routeIds(['+page.svelte']);
		expect(pages).toEqual(expect.arrayContaining(['/', '/aduan/[id]', '/briefing/[region]/[month]', '/masuk', '/admin']));
		const runs: { who: Who; lang: 'id' | 'en'; path: string; label: string; status?: number }[] = [];
		for (const id of pages) {
			const path = fill(id);
			if (id === '/masuk') runs.push({ who: 'signed-out', lang: 'id', path, label: id });
			else if (id.startsWith('/admin')) runs.push({ who: 'admin', lang: 'id', path, label: id });
			else runs.push({ who: 'demo', lang: 'id', path, label: id }, { who: 'daerah', lang: 'en', path, label: id });
		}
		// The states of pages that look different, and a refusal (a page SvelteKit renders without the layout).
		for (const [path, label] of [
			['/tren?grain=week', '/tren?grain=week'],
			['/wilayah?level=province&metric=follow_up', '/wilayah?level=province'],
			[`/wilayah/${province.code}`, '/wilayah/[province]'],
			[`/aduan?region=${kab.code}&status=selesai`, '/aduan (filtered)'],
			['/?from=2099-01&to=2099-12', '/ (empty period)']
		])
			runs.push({ who: 'demo', lang: 'id', path: path!, label: label! });
		runs.push(
			{ who: 'daerah', lang: 'en', path: `/wilayah/${province.code}`, label: '/wilayah/[province] (out of scope)', status: 403 },
			{ who: 'provinsi', lang: 'id', path: `/wilayah/${province.code}`, label: '/wilayah/[province]' },
			{ who: 'demo', lang: 'id', path: '/wilayah/99.99', label: '404', status: 404 }
		);

		const problems: string[] = [];
		let charts = 0;
		const contexts = new Map<Who, { context: BrowserContext; page: Page }>();
		for (const run of runs) {
			if (!contexts.has(run.who)) {
				const context = await phone(run.who);
				contexts.set(run.who, { context, page: await context.newPage() });
			}
			const { page } = contexts.get(run.who)!;
			const res = await page.goto(`${origin(run.who)}${run.path}${run.path.includes('?') ? '&' : '?'}lang=${run.lang}`);
			const where = `${run.label} [${run.who} · ${run.lang}]`;
			expect(res?.status(), where).toBe(run.status ?? 200);
			const l = await page.evaluate(layout);
			if (l.width[0] !== 390 || l.width[1] !== 390)
				problems.push(`${where}: document ${l.width[0]} px wide in a ${l.width[1]} px viewport`);
			if (l.navOut.length) problems.push(`${where}: nav items off the screen: ${l.navOut.join(', ')}`);
			if (l.badCharts.length) problems.push(`${where}: charts wider than their box or without a viewBox: ${l.badCharts.join('; ')}`);
			// Pages with the site chrome show every section.
			if (l.nav) expect(l.nav, where).toBe(NAV.length);
			charts += l.charts;
			const file = `${run.who}-${run.lang}-${run.label.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}.png`;
			await page.screenshot({ path: join(SHOTS, file), fullPage: true });
		}
		for (const { context } of contexts.values()) await context.close();
		expect(problems).toEqual([]);
		expect(charts, 'charts were measured').toBeGreaterThan(10);
	}, 600_000);

	it('folds the filter bar into one line that says what is shown and opens without JavaScript; wide screens show the bar', async () => {
		const context = await phone('demo', { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${demoBase}/?from=2024-01&to=2024-12&region=${kab.code}`);
		const summary = page.getByTestId('filter-summary');
		expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Filter: 2024 · ${kab.name} · ubah`);
		expect(await page.locator('#f-region').isVisible()).toBe(false);
		const before = await summary.boundingBox();
		expect(before!.height).toBeLessThan(80);
		await summary.click();
		expect(await page.locator('#f-region').isVisible()).toBe(true);
		expect(await page.locator('#f-region').inputValue()).toBe(kab.code);
		// Applying from the opened bar keeps working: a filtered view is a link.
		await page.selectOption('#f-region', province.code);
		await Promise.all([
			page.waitForURL(new RegExp(`region=${province.code}(&|$)`)),
			page.click('[data-testid="filter-bar"] button[type="submit"]')
		]);
		expect((await page.getByTestId('filter-summary').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
			`Filter: 2024 · ${province.name} · ubah`
		);
		await context.close();

		const wide = await phone('demo', { javaScriptEnabled: false, width: 1366 });
		const desk = await wide.newPage();
		await desk.goto(`${demoBase}/tren?lang=en`);
		expect(await desk.getByTestId('filter-summary').isVisible()).toBe(false);
		expect(await desk.locator('#f-region').isVisible()).toBe(true);
		expect(await desk.getByTestId('filter-summary').textContent()).toContain('All time · All of Indonesia');
		await wide.close();
	});
});

describe('signed-in chrome', () => {
	/** Header, filter and sign-out as drawn for a signed-in user on `path`. */
	const chrome = (page: Page) =>
		page.evaluate(() => {
			const button = document.querySelector<HTMLElement>('[data-testid="sign-out"]')!;
			const cs = getComputedStyle(button);
			let bg = 'rgba(0, 0, 0, 0)';
			for (let e: Element | null = button; e && /rgba\(.*,\s*0\)|transparent/.test(bg); e = e.parentElement)
				bg = getComputedStyle(e).backgroundColor;
			const r = button.getBoundingClientRect();
			const select = document.querySelector<HTMLSelectElement>('#f-region')!;
			return {
				header: document.querySelector('[data-testid="signed-in-as"]')!.textContent!.trim(),
				button: {
					text: button.textContent!.trim(),
					color: cs.color,
					background: bg,
					visible: button.checkVisibility(),
					inView: r.left >= 0 && r.right <= innerWidth
				},
				summary: document.querySelector('[data-testid="filter-summary"]')!.textContent!.replace(/\s+/g, ' ').trim(),
				selected: select.selectedOptions[0]?.textContent?.trim(),
				options: [...select.options].map((o) => o.value),
				reset: document.querySelector('[data-testid="filter-reset"]') !== null
			};
		});

	it("names a kab/kota user's region (not its code) in the header and as the filter's default, with a visible sign-out, in both languages", async () => {
		for (const [lang, width] of [
			['id', 1366],
			['en', 390]
		] as const) {
			const context = await phone('daerah', { width });
			const page = await context.newPage();
			expect((await page.goto(`${server.origin}/?lang=${lang}`))?.status()).toBe(200);
			const c = await chrome(page);
			expect(c.header).toBe(lang === 'id' ? `Masuk sebagai ${USERS.daerah} (${kab.name})` : `Signed in as ${USERS.daerah} (${kab.name})`);
			expect(c.header).not.toContain(kab.code);
			expect(c.summary).toBe(
				`${lang === 'id' ? 'Filter' : 'Filters'}: ${lang === 'id' ? 'Seluruh periode' : 'All time'} · ${kab.name} · ${lang === 'id' ? 'ubah' : 'change'}`
			);
			expect(c.selected).toBe(kab.name);
			// Nothing outside the scope to choose, so no "Seluruh Indonesia", and the default is no filter to clear.
			expect(c.options).toEqual([kab.code]);
			expect(c.reset).toBe(false);
			expect(c.button.text).toBe(lang === 'id' ? 'Keluar' : 'Sign out');
			expect(c.button.visible && c.button.inView).toBe(true);
			expect(c.button.color).not.toBe(c.button.background);
			expect(contrastRatio(c.button.color, c.button.background)).toBeGreaterThanOrEqual(4.5);
			await page.screenshot({ path: join(SHOTS, `chrome-daerah-${lang}-${width}.png`) });
			// Its kab/kota's page names the province it may not open, without a link to a 403.
			await page.goto(`${server.origin}/wilayah/${kab.code}?lang=${lang}`);
			expect(await page.getByTestId('parent-province').textContent()).toBe(province.name);
			expect(await page.getByTestId('parent-province').getAttribute('href')).toBeNull();
			if (lang === 'en') {
				// It signs out.
				await Promise.all([page.waitForURL(/\/masuk/), page.getByTestId('sign-out').click()]);
			}
			await context.close();
		}
	});

	it("names a province user's province, with its kab/kota to choose from", async () => {
		const context = await phone('provinsi', { width: 390 });
		const page = await context.newPage();
		await page.goto(`${server.origin}/instansi?lang=en`);
		const c = await chrome(page);
		expect(c.header).toBe(`Signed in as ${USERS.provinsi} (${province.name} province)`);
		expect(c.selected).toBe(province.name);
		expect(c.options[0]).toBe(province.code);
		expect(c.options).toContain(kab.code);
		expect(c.options).not.toContain('');
		expect(contrastRatio(c.button.color, c.button.background)).toBeGreaterThanOrEqual(4.5);
		await context.close();
	});
});
