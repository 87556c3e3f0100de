// Regressions of the holes an attacker's probe found in the built server (issue "Close the
// security holes"), each tried the way it was found: real requests with paths sent byte for
// byte, real uploads, a real restart. Every test here failed on the code before the fixes.
// Order matters at the end: the throttling tests lock this client's address, so they run last
// but for the restart, which clears what is kept in memory.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { baseRow, laporCsv, zip } from '../pipelines/ingest/test-support';
import { readUsers } from '../src/lib/core/users.server';
import { hashStamp, signSession } from '../src/lib/core/session.server';
import { tableFromIPC } from 'apache-arrow';
import { launchBrowser, npmRun, readCsv, readXlsx, RESULTS, startServer, type RunningServer } from './harness';
import { A, B, client, hostileWarehouse, ProbeTable, type Role } from './security-fixture';

const PW: Record<string, string> = {
	ana: 'sandi-ana-123456',
	nas: 'sandi-nas-123456',
	adm: 'sandi-adm-123456',
	victim: 'sandi-victim-1234',
	mallory: 'sandi-mallory-123',
	leaver: 'sandi-leaver-1234'
};
const USERS: [string, Role, string | null][] = [
	['ana', 'daerah', A],
	['nas', 'nasional', null],
	['adm', 'admin', null],
	['victim', 'daerah', A],
	['mallory', 'daerah', B],
	['leaver', 'nasional', null]
];
const UPLOAD_MB = 20;

const table = new ProbeTable();
let dir: string;
let db: string;
let auth: string;
let server: RunningServer;
let browser: Browser;
let c: ReturnType<typeof client>;
const cookies: Record<string, string> = {};
const auditLines = () =>
	readFileSync(join(auth, 'audit.log'), 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'telaah-secreg-'));
	({ db, auth } = await hostileWarehouse(
		dir,
		USERS.map(([n, r, g]) => [n, r, g, PW[n]!])
	));
	// A warehouse loaded before the ETL removed invisible characters: a category stored twice,
	// once with a leading U+FEFF, which the DuckDB client hands back without it.
	const instance = await DuckDBInstance.create(db);
	const conn = await instance.connect();
	await conn.run(
		`INSERT INTO monthly_rollup SELECT * REPLACE (chr(65279) || category_top AS category_top) FROM monthly_rollup WHERE grain = 'category'`
	);
	conn.closeSync();
	instance.closeSync();
	// As `npm start` runs it: no BODY_SIZE_LIMIT given, only the upload limit.
	server = await startServer(db, 30_000, { TELAAH_UPLOAD_MAX_MB: String(UPLOAD_MB), TELAAH_READ_WAIT_MS: '60000' });
	c = client(server.origin);
	for (const name of ['ana', 'nas', 'adm', 'mallory']) {
		const r = await c.signIn(name, PW[name]!);
		if (r.status !== 303 || !r.cookie) throw new Error(`sign-in of ${name} failed: ${r.status}\n${server.output()}`);
		cookies[name] = r.cookie;
	}
	browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	console.log(
		`\nSecurity regressions (${table.rows.filter((p) => p.pass).length}/${table.rows.length} as expected):\n${table.markdown()}\n`
	);
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(join(RESULTS, 'security-regressions.md'), table.markdown() + '\n');
	if (dir && !process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
});

describe('one decoded path for every guard, the audit log and routing', () => {
	// Each routes to /admin (or /admin/unggah) in SvelteKit, or to no route at all.
	const ADMIN_PATHS = [
		'/%61dmin',
		'/%61%64%6d%69%6e',
		'/adm%69n',
		'/%61dmin/',
		'/./admin',
		'/x/../admin',
		'/%2e/admin',
		'/%2E%2E/admin',
		'/admin/.',
		'/%61dmin/unggah',
		'/admin/%75nggah',
		'/%61dmin/__data.json',
		'/%61dmin/__data.json?x-sveltekit-invalidated=01',
		'/ADMIN',
		'/%41dmin',
		'//admin',
		'/%2561dmin',
		'/admin%2Funggah',
		'/admin;x',
		'/%c0%afadmin',
		'/admin%00'
	];

	it('never serves an admin page to a daerah user, however the path is spelled', async () => {
		const leaks: string[] = [];
		for (const path of ADMIN_PATHS) {
			const r = await c.http(path, { cookie: cookies.ana });
			// The admin page lists the users and the audit log; its data endpoint the same as JSON.
			const leaked = r.status === 200 && (r.text.includes('audit-table') || r.text.includes('mallory'));
			table.record(`daerah GET ${path}`, 'not 200 with users or audit', String(r.status), !leaked);
			if (leaked) leaks.push(`${path} → ${r.status}`);
		}
		expect(leaks).toEqual([]);
		// The encodings SvelteKit routes to /admin are refused as /admin is.
		for (const path of ['/%61dmin', '/adm%69n', '/%61dmin/unggah'])
			expect((await c.http(path, { cookie: cookies.ana })).status, path).toBe(403);
	});

	it('refuses an encoded upload by a daerah user and leaves the warehouse as it was', async () => {
		const other = laporCsv(
			[baseRow({ 'ID Tracking': '8100001', Lokasi: 'Kota Bandung', 'Kode Wilayah': B, 'Judul Laporan': 'ENCODED-UPLOAD' })],
			{ delimiter: ',' }
		);
		const form = new FormData();
		form.set('file', new Blob([other]), 'x.csv');
		for (const path of ['/%61dmin/unggah', '/admin/%75nggah']) {
			const r = await c.http(path, { method: 'POST', cookie: cookies.ana, body: form, headers: { Origin: server.origin } });
			table.record(`daerah POST ${path} (upload)`, '403', String(r.status), r.status === 403);
			expect(r.status, path).toBe(403);
		}
		const after = await c.http('/aduan?region=32.73', { cookie: cookies.nas });
		expect(after.text).not.toContain('ENCODED-UPLOAD');
	});

	it('audits downloads and briefings whatever the spelling of their path', async () => {
		const count = (event: string) => auditLines().filter((l) => l.event === event).length;
		const downloadsBefore = count('download');
		const briefBefore = count('briefing');
		const csv = await c.http('/api/aduan%2Ecsv', { cookie: cookies.nas });
		const arrow = await c.http('/api/aduan%2Earrow', { cookie: cookies.nas });
		const brief = await c.http('/%62riefing/nasional/2023-10', { cookie: cookies.nas });
		expect([csv.status, arrow.status, brief.status]).toEqual([200, 200, 200]);
		const last = auditLines()
			.filter((l) => l.event === 'download')
			.slice(-2)
			.map((l) => `${String(l.path)} ${String(l.format)}`);
		const ok =
			count('download') === downloadsBefore + 2 &&
			count('briefing') === briefBefore + 1 &&
			last.join(', ') === '/api/aduan.csv csv, /api/aduan.arrow arrow';
		table.record(
			'GET /api/aduan%2Ecsv, /api/aduan%2Earrow and /%62riefing/… audited',
			'two download lines (/api/aduan.csv csv, /api/aduan.arrow arrow) and one briefing line',
			`${count('download') - downloadsBefore} downloads (${last.join(', ')}), ${count('briefing') - briefBefore} briefing`,
			ok
		);
		expect(ok).toBe(true);
	});
});

describe('months', () => {
	it('answers 400 for a month past 2099 instead of looping until the heap is gone', async () => {
		const urls = [
			'/rekomendasi?month=9999-12',
			'/api/rekomendasi.csv?month=9999-12',
			'/briefing/nasional/9999-12',
			'/rekomendasi?month=0000-01',
			'/?from=9999-12'
		];
		const got: number[] = [];
		for (const url of urls) got.push((await c.http(url, { cookie: cookies.nas, timeoutMs: 15_000 })).status);
		const alive = await c.http('/', { cookie: cookies.nas, timeoutMs: 15_000 });
		table.record(
			'month=9999-12 on /rekomendasi, its CSV and the briefing',
			'400 each, server alive',
			`${got.join(' ')}, then / ${alive.status}`,
			got.every((s) => s === 400) && alive.status === 200
		);
		expect(got).toEqual(urls.map(() => 400));
		expect(alive.status).toBe(200);
	});
});

describe('keys and labels that survive invisible characters', () => {
	it('renders and hydrates every page although a category is stored twice, once behind a U+FEFF', async () => {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'telaah_session', value: cookies.nas!.split('=')[1]!, url: server.origin }]);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		for (const path of ['/', '/tren', '/aduan']) {
			await page.goto(`${server.origin}${path}`);
			await page.waitForLoadState('networkidle');
		}
		const options = await page.locator('#f-category option').allTextContents();
		await context.close();
		table.record(
			'pages with a category stored with and without U+FEFF',
			'no page error, each category listed once',
			errors.length ? errors[0]!.slice(0, 80) : `${options.length} options, no error`,
			errors.length === 0 && new Set(options).size === options.length
		);
		expect(errors).toEqual([]);
		expect(new Set(options).size).toBe(options.length);
	});
});

describe('small counts', () => {
	it('shows a topic × kab/kota cell of 1–4 as <5 on /topik, in its CSV and the heatmap alike, with no example', async () => {
		let small = 0;
		for (const region of [A, B]) {
			const csv = readCsv((await c.http(`/api/topik.csv?region=${region}`, { cookie: cookies.nas })).text);
			const col = csv[0]!.indexOf('complaints');
			const idCol = csv[0]!.indexOf('cluster_id');
			const values = csv.slice(1).map((r) => r[col]!);
			const shown = values.filter((v) => /^[1-4]$/.test(v));
			const hidden = csv
				.slice(1)
				.filter((r) => r[col] === '<5')
				.map((r) => r[idCol]!);
			small += hidden.length;
			const page = await c.http(`/topik?region=${region}`, { cookie: cookies.nas });
			// Every suppressed cluster's row on the page says <5 and lists no example.
			const rows = [...page.text.matchAll(/<tr data-cluster="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1]!, html: m[2]! }));
			const bad = rows.filter((r) => hidden.includes(r.id) && (!r.html.includes('&lt;5') || r.html.includes('data-testid="examples"')));
			const heat = readCsv((await c.http(`/api/topik-heatmap.csv?region=${region.slice(0, 2)}`, { cookie: cookies.nas })).text);
			const hc = heat[0]!;
			const cells = heat.slice(1).filter((r) => r[hc.indexOf('region_code')] === region);
			const mismatch = cells.filter((r) => hidden.includes(r[hc.indexOf('cluster_id')]!) !== (r[hc.indexOf('complaints')] === '<5'));
			// The Arrow and Excel twins: null (Arrow) and "<5" (Excel) exactly where the CSV says <5, never 1–4.
			const arrow = tableFromIPC((await c.http(`/api/topik.arrow?region=${region}`, { cookie: cookies.nas })).bytes);
			const arrowIds = arrow.getChild('cluster_id')!.toArray() as Int32Array;
			const arrowN = arrow.getChild('complaints')!;
			const arrowHidden = [...arrowIds].filter((_, i) => arrowN.get(i) === null).map(String);
			const arrowShown = [...arrowIds].filter((_, i) => (arrowN.get(i) ?? 0) >= 1 && (arrowN.get(i) ?? 0) <= 4);
			const [book] = await readXlsx((await c.http(`/api/topik.xlsx?region=${region}`, { cookie: cookies.nas })).bytes);
			const xlsxHidden = book!.rows
				.slice(1)
				.filter((r) => r[col] === '<5')
				.map((r) => String(r[idCol]));
			const xlsxShown = book!.rows.slice(1).filter((r) => typeof r[col] === 'number' && (r[col] as number) >= 1 && (r[col] as number) <= 4);
			const twins =
				arrowShown.length === 0 &&
				xlsxShown.length === 0 &&
				String(arrowHidden) === String(hidden) &&
				String(xlsxHidden) === String(hidden);
			table.record(
				`/topik, /api/topik.csv (.arrow, .xlsx), heatmap for ${region}`,
				'0 counts of 1–4; suppressed rows without examples; heatmap and twins agree',
				`${shown.length} shown, ${hidden.length} <5, ${bad.length} rows with examples, ${mismatch.length} heatmap disagreements, twins ${twins ? 'agree' : `differ (arrow ${arrowHidden}, xlsx ${xlsxHidden})`}`,
				shown.length === 0 && bad.length === 0 && mismatch.length === 0 && twins
			);
			expect(shown).toEqual([]);
			expect(bad).toEqual([]);
			expect(mismatch).toEqual([]);
			expect(twins).toBe(true);
		}
		// Not vacuous: the hostile warehouse has such cells.
		expect(small).toBeGreaterThan(0);
	});

	it('shows a kab/kota user the model size and date, not the national document count', async () => {
		const national = await c.http('/topik', { cookie: cookies.nas });
		const docs = /dari ([\d.]+) aduan, dilatih/.exec(national.text)?.[1];
		expect(docs).toBeDefined();
		const own = await c.http('/topik', { cookie: cookies.ana });
		const leaked = own.text.includes(`dari ${docs} aduan`);
		table.record(
			'/topik as daerah',
			`no "dari ${docs} aduan" (national total)`,
			leaked ? 'shown' : 'absent',
			!leaked && own.status === 200
		);
		expect(own.status).toBe(200);
		expect(leaked).toBe(false);
	});
});

describe('uploads', () => {
	let big: string;
	beforeAll(() => {
		const csv = join(dir, 'big.csv');
		npmRun('sample', ['--rows', '6000', '--seed', '11', '--out', csv]);
		big = readFileSync(csv, 'utf8');
	});

	it('takes an upload over adapter-node default 512 KB when npm start sized the limit, and says the real limit', async () => {
		expect(big.length).toBeGreaterThan(600 * 1024);
		const form = await c.http('/admin/unggah', { cookie: cookies.adm });
		expect(form.text).toContain(`${UPLOAD_MB} MB`);
		// Larger than the limit: the form says so (not "Internal error"), before reading the body.
		const over = await c.http('/admin/unggah', {
			method: 'POST',
			cookie: cookies.adm,
			body: Buffer.alloc(1024),
			declaredLength: (UPLOAD_MB + 1) * 1024 * 1024,
			headers: { Origin: server.origin, 'Content-Type': 'multipart/form-data; boundary=x' },
			timeoutMs: 10_000
		});
		table.record(
			`upload declared as ${UPLOAD_MB + 1} MB`,
			`413, "larger than ${UPLOAD_MB} MB"`,
			`${over.status}${over.text.includes(`larger than ${UPLOAD_MB} MB`) ? ', says the limit' : ''}`,
			over.status === 413 && over.text.includes(`larger than ${UPLOAD_MB} MB`)
		);
		expect(over.status).toBe(413);
		expect(over.text).toContain(`larger than ${UPLOAD_MB} MB`);
		expect(over.text).not.toContain('Internal error');
		// Sign-in takes a small body only, signed in or not.
		const huge = await c.http('/masuk', {
			method: 'POST',
			body: `name=x&password=${'a'.repeat(100_000)}`,
			headers: { Origin: server.origin, 'Content-Type': 'application/x-www-form-urlencoded' }
		});
		table.record('POST /masuk with a 100 KB body', '413', String(huge.status), huge.status === 413);
		expect(huge.status).toBe(413);
	});

	it('serialises two uploads 0.5 s apart, answers reads meanwhile, and deletes the raw files', async () => {
		const small = laporCsv([baseRow({ 'ID Tracking': '8200001', 'Judul Laporan': 'SECOND-UPLOAD' })], { delimiter: ',' });
		const t0 = Date.now();
		const first = c.upload('besar.csv', big, cookies.adm, 240_000);
		await new Promise((r) => setTimeout(r, 500));
		const second = c.upload('kecil.csv', small, cookies.adm, 240_000);
		await new Promise((r) => setTimeout(r, 300));
		const during = await c.http('/aduan', { cookie: cookies.nas, timeoutMs: 120_000 });
		const [a, b] = await Promise.all([first, second]);
		const after = await c.http('/aduan?page=1', { cookie: cookies.nas, timeoutMs: 30_000 });
		const summary = (r: { text: string }) => /data-testid="upload-summary"/.test(r.text);
		const left = readdirSync(join(auth, 'uploads'));
		const ok =
			a.status === 200 &&
			summary(a) &&
			b.status === 200 &&
			summary(b) &&
			[200, 503].includes(during.status) &&
			after.status === 200 &&
			left.length === 0;
		table.record(
			'upload A, upload B 0.5 s later, a page read meanwhile',
			'200 + summary each, read 200 (or 503 + Retry-After), later reads 200, no raw file left',
			`${a.status} ${b.status}, read ${during.status}, then ${after.status} after ${Math.round((Date.now() - t0) / 1000)} s, ${left.length} raw files`,
			ok
		);
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(summary(a) && summary(b)).toBe(true);
		expect([200, 503]).toContain(during.status);
		if (during.status === 503) expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(after.status).toBe(200);
		expect(left).toEqual([]);
		expect((await c.http('/aduan/8200001', { cookie: cookies.nas })).text).toContain('SECOND-UPLOAD');
	}, 300_000);

	it('reports a re-upload of the same file as already loaded, writing nothing', async () => {
		const small = laporCsv([baseRow({ 'ID Tracking': '8200001', 'Judul Laporan': 'SECOND-UPLOAD' })], { delimiter: ',' });
		const r = await c.upload('kecil-lagi.csv', small, cookies.adm);
		const again = r.text.includes('sudah pernah dimuat');
		table.record(
			'the same file uploaded again',
			'200, "sudah pernah dimuat"',
			`${r.status}${again ? ', already loaded' : ''}`,
			r.status === 200 && again
		);
		expect(again).toBe(true);
	});

	it('gives the reason a file was refused, not the last line of a stack trace', async () => {
		const r = await c.upload('tanpa-id.csv', 'Judul,Isi\nJalan rusak,berlubang\n', cookies.adm);
		const reason = /no column is recognisable as the tracking id/.test(r.text);
		table.record(
			'upload without a tracking id column',
			'400 with the reason',
			`${r.status}${reason ? ', reason' : ''}${r.text.includes('Node.js') ? ', Node.js version!' : ''}`,
			r.status === 400 && reason && !r.text.includes('Node.js')
		);
		expect(r.status).toBe(400);
		expect(reason).toBe(true);
		expect(r.text).not.toContain('Node.js v');
	});

	it('refuses an XLSX whose zip lies about its sizes before anything inflates it', async () => {
		const lie = zip(
			[
				['[Content_Types].xml', Buffer.from('<Types/>')],
				['xl/sharedStrings.xml', Buffer.alloc(300 * 1024 * 1024, 'a')]
			],
			(name, size) => (name.startsWith('xl/') ? 1000 : size)
		);
		const r = await c.upload('bohong.xlsx', lie, cookies.adm, 60_000);
		const ok = r.status === 400 && /inflates to more than it declares/.test(r.text);
		table.record(
			`XLSX of ${Math.round(lie.length / 1024)} KB declaring 1 KB, holding 300 MB`,
			'400 refused',
			`${r.status}${ok ? ' refused' : ''}`,
			ok
		);
		expect(ok).toBe(true);
		expect(readdirSync(join(auth, 'uploads'))).toEqual([]);
	});
});

describe('responses and sessions', () => {
	it('marks every signed-in answer private, no-store', async () => {
		const got = await Promise.all(
			['/', '/aduan', '/api/wilayah.csv'].map(async (p) => (await c.http(p, { cookie: cookies.nas })).headers.get('cache-control'))
		);
		table.record(
			'Cache-Control of /, /aduan, /api/wilayah.csv signed in',
			'private, no-store',
			got.join(' | '),
			got.every((h) => h === 'private, no-store')
		);
		expect(got).toEqual(['private, no-store', 'private, no-store', 'private, no-store']);
	});

	it('refuses a well-signed session that claims to live ten years', async () => {
		const key = Buffer.from(readFileSync(join(auth, 'session.key'), 'utf8').trim(), 'base64');
		const nas = readUsers(join(auth, 'users.json')).find((u) => u.name === 'nas')!;
		const token = signSession(key, { u: 'nas', s: hashStamp(key, nas.hash), exp: Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600 });
		const r = await c.http('/api/wilayah.csv', { cookie: `telaah_session=${token}` });
		table.record('signed session with exp + 10 years', '401', String(r.status), r.status === 401);
		expect(r.status).toBe(401);
	});

	it('keeps two warehouses of one folder apart: users of one are not users of the other', async () => {
		// The served warehouse has users; a sibling in the same folder has none of them.
		const sibling = join(dir, 'other.duckdb');
		npmRun('ingest', [join(dir, 'hostile.csv'), '--db', sibling, '--json']);
		const other = await startServer(sibling, 30_000);
		try {
			const r = await fetch(`${other.origin}/masuk`, {
				method: 'POST',
				body: new URLSearchParams({ name: 'nas', password: PW.nas! }),
				headers: { Origin: other.origin },
				redirect: 'manual'
			});
			const page = await (await fetch(`${other.origin}/`)).text();
			// No users there: demo mode, and nas's password means nothing.
			const ok = page.includes('Mode demo') && !r.headers.getSetCookie().some((x) => x.startsWith('telaah_session='));
			table.record(
				'a second warehouse in the same folder',
				'its own (empty) user list: demo mode, no session for nas',
				ok ? 'separate' : 'shared',
				ok
			);
			expect(ok).toBe(true);
		} finally {
			await other.stop();
		}
	}, 120_000);
});

describe('sign-in throttling (locks this client: runs last but one)', () => {
	it('locks a name in every spelling of it', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await c.signIn('victim', `salah-${i}-xxxxxxxx`)).status);
		const variants = ['victim ', ' VICTIM', 'Victim', 'ｖｉｃｔｉｍ'];
		const got = [];
		for (const v of variants) got.push((await c.signIn(v, PW.victim!)).status);
		table.record(
			'victim locked by 5 failures; then "victim ", " VICTIM", "Victim", full-width, right password',
			'429 each',
			`${statuses.join(' ')} then ${got.join(' ')}`,
			got.every((s) => s === 429)
		);
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		expect(got).toEqual(variants.map(() => 429));
	});

	it("does not forgive an address's failures when it signs in to another account", async () => {
		// 5 failures so far from this address (above). Mallory signs in to her own account...
		expect((await c.signIn('mallory', PW.mallory!)).status).toBe(303);
		// ...and guesses at other names, one try each: the address count goes on to its limit of 20.
		const statuses: number[] = [];
		for (let i = 0; i < 16; i++) statuses.push((await c.signIn(`guess${i}`, 'salah-salah-123')).status);
		table.record(
			'5 failures, own sign-in, 16 more guesses',
			'401 ×15, then 429',
			statuses.join(' '),
			statuses.slice(0, 15).every((s) => s === 401) && statuses[15] === 429
		);
		expect(statuses.slice(0, 15)).toEqual(Array(15).fill(401));
		expect(statuses[15]).toBe(429);
	});

	it('writes one audit line per lock, not one per refused attempt', async () => {
		const before = auditLines().length;
		for (let i = 0; i < 300; i++) await c.signIn(i % 2 ? 'admin1' : `x${i}`, 'salah-salah-123');
		const added = auditLines().length - before;
		const throttled = auditLines()
			.filter((l) => l.event === 'signin_throttled')
			.at(-1);
		table.record('300 sign-in POSTs while locked', '≤ 5 audit lines', `${added} lines`, added <= 5);
		expect(added).toBeLessThanOrEqual(5);
		expect(throttled).toBeDefined();
	}, 120_000);
});

describe('after a restart', () => {
	it('a signed-out session stays signed out', async () => {
		await server.stop();
		server = await startServer(db, 30_000, { TELAAH_UPLOAD_MAX_MB: String(UPLOAD_MB) });
		c = client(server.origin);
		const leaver = await c.signIn('leaver', PW.leaver!);
		expect(leaver.status).toBe(303);
		const out = await c.http('/keluar', {
			method: 'POST',
			cookie: leaver.cookie,
			body: new URLSearchParams({}),
			headers: { Origin: server.origin }
		});
		expect(out.status).toBe(303);
		await server.stop();
		server = await startServer(db, 30_000, { TELAAH_UPLOAD_MAX_MB: String(UPLOAD_MB) });
		c = client(server.origin);
		const again = await c.http('/api/wilayah.csv', { cookie: leaver.cookie });
		table.record('cookie reused after sign-out and a restart', '401', String(again.status), again.status === 401);
		expect(again.status).toBe(401);
	}, 120_000);
});
