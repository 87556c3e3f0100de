// What the security e2e files share: a warehouse with hostile rows (XSS, CSV formulas,
// confidential texts, two regions) made with the real CLIs, users made with `npm run user`, and an
// HTTP client for a running server that sends paths byte for byte (node:http, not fetch: fetch
// normalises `/./admin` and `/x/../admin` before they leave, which would hide what the router gets).
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseRow, laporCsv, type LaporRow } from '../pipelines/ingest/test-support';
import { downloadText, npmRun, sql } from './harness';

export const A = '36.03'; // Kab. Tangerang: the daerah user's region
export const B = '32.73'; // Kota Bandung (province 32): someone else's
export const B_MARK = 'REGION-B-ONLY-MARKER';
export const SECRET = 'CONFIDENTIAL-MARKER-Q7';
/** A word only the bodies of confidential complaints hold: a text search must not find it for anyone. */
export const SECRET_BODY_WORD = 'rahasiakatazq';
export const XSS = {
	title: '<script>window.__xss=1;alert(1)</script>XSS-TITLE',
	body: '<img src=x onerror="window.__xss=2;alert(2)">XSS-BODY',
	agency: 'Dinas PUPR Kabupaten Tangerang <svg onload="window.__xss=3;alert(3)">',
	category: 'Infrastruktur <img src=x onerror="window.__xss=4;alert(4)">'
};
const FORMULA = {
	title: '=HYPERLINK("http://evil.example","klik")',
	agency: "=cmd|' /C calc'!A0",
	category: '+SUM(1+1)',
	title2: '@SUM(1)',
	title3: '-2+3+cmd|x'
};

function hostileRows(): LaporRow[] {
	const out: LaporRow[] = [];
	let n = 7_000_000;
	const at = (i: number) => `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')} 09:00:00`;
	const a = (over: LaporRow = {}): LaporRow => baseRow({ 'ID Tracking': String(++n), 'Tanggal Laporan': at(n), ...over });
	const b = (over: LaporRow = {}): LaporRow =>
		a({
			Lokasi: 'Kota Bandung',
			'Kode Wilayah': B,
			'Instansi Tujuan': 'Dinas PUPR Kota Bandung',
			'Judul Laporan': `${B_MARK} jalan`,
			'Isi Laporan': `${B_MARK} isi`,
			...over
		});
	for (let i = 0; i < 30; i++) out.push(a());
	for (let i = 0; i < 20; i++) out.push(b());
	for (let i = 0; i < 8; i++)
		out.push(
			a({ 'Judul Laporan': XSS.title, 'Isi Laporan': XSS.body, 'Instansi Tujuan': XSS.agency, Kategori: `${XSS.category} > Jalan` })
		);
	for (let i = 0; i < 8; i++)
		out.push(
			a({
				'Judul Laporan': [FORMULA.title, FORMULA.title2, FORMULA.title3][i % 3]!,
				'Instansi Tujuan': `${FORMULA.agency} Kabupaten Tangerang`,
				Kategori: `${FORMULA.category} > X`
			})
		);
	for (let i = 0; i < 3; i++)
		out.push(a({ 'Judul Laporan': `${SECRET} judul`, 'Isi Laporan': `${SECRET} isi rahasia ${SECRET_BODY_WORD}`, Rahasia: 'Ya' }));
	for (let i = 0; i < 3; i++)
		out.push(b({ 'Judul Laporan': `${SECRET} judul B`, 'Isi Laporan': `${SECRET} isi B ${SECRET_BODY_WORD}`, Rahasia: 'Ya' }));
	// Region B rows the load quarantines: /data must not show a scoped user other regions' rejects.
	for (let i = 0; i < 2; i++) out.push(b({ 'Tanggal Laporan': '32/13/2023' }));
	return out;
}

export type Role = 'daerah' | 'provinsi' | 'nasional' | 'admin';
export interface HostileWarehouse {
	db: string;
	/** The warehouse's auth folder (users.json, session.key, audit.log, uploads/). */
	auth: string;
	ids: { a: string; b: string; xss: string; secret: string };
}

/** The hostile rows loaded into `dir`/w.duckdb with a 4-topic model, and the given users. */
export async function hostileWarehouse(
	dir: string,
	users: [name: string, role: Role, region: string | null, password: string][]
): Promise<HostileWarehouse> {
	const db = join(dir, 'w.duckdb');
	const csv = join(dir, 'hostile.csv');
	writeFileSync(csv, laporCsv(hostileRows()));
	npmRun('ingest', [csv, '--db', db, '--json']);
	// A topic model, so /topik and its CSVs serve data (and the small-count rule is probed).
	npmRun('topics', ['--db', db, '--k', '4', '--json']);
	const [a, b, x, s] = await Promise.all([
		sql<{ id: string }>(
			db,
			`SELECT tracking_id AS id FROM complaints WHERE regency_code = '${A}' AND NOT is_confidential ORDER BY 1 LIMIT 1`
		),
		sql<{ id: string }>(
			db,
			`SELECT tracking_id AS id FROM complaints WHERE regency_code = '${B}' AND NOT is_confidential ORDER BY 1 LIMIT 1`
		),
		sql<{ id: string }>(db, `SELECT tracking_id AS id FROM complaints WHERE title LIKE '%XSS-TITLE%' ORDER BY 1 LIMIT 1`),
		sql<{ id: string }>(db, `SELECT tracking_id AS id FROM complaints WHERE is_confidential AND regency_code = '${A}' ORDER BY 1 LIMIT 1`)
	]);
	for (const [name, role, region, password] of users) {
		npmRun('user', ['add', name, '--role', role, ...(region ? ['--region', region] : []), '--db', db], 60_000, `${password}\n`);
	}
	return { db, auth: join(dir, 'w.auth'), ids: { a: a[0]!.id, b: b[0]!.id, xss: x[0]!.id, secret: s[0]!.id } };
}

export interface Reply {
	status: number;
	/** The body as text: an XLSX's cells and an Arrow stream's rows decoded (harness downloadText), so probes see their content. */
	text: string;
	bytes: Buffer;
	headers: Headers;
}

export interface HttpOptions {
	cookie?: string;
	method?: string;
	body?: string | Buffer | URLSearchParams | FormData;
	headers?: Record<string, string>;
	/** Give up after this long (a request the server never answers fails the test instead of hanging it). */
	timeoutMs?: number;
	/** Declare this Content-Length but send only `body`, as a client does whose upload the server refuses early. */
	declaredLength?: number;
}

/** A client for one server: paths are sent exactly as given. */
export function client(origin: string) {
	const { hostname, port } = new URL(origin);
	async function http(path: string, opts: HttpOptions = {}): Promise<Reply> {
		let body: Buffer | undefined;
		const headers: Record<string, string> = { Accept: 'text/html', ...(opts.cookie ? { Cookie: opts.cookie } : {}) };
		if (opts.body instanceof FormData || opts.body instanceof URLSearchParams) {
			// Let the web platform write the multipart / urlencoded body and its content type.
			const encoded = new Request(origin, { method: 'POST', body: opts.body });
			body = Buffer.from(await encoded.arrayBuffer());
			headers['Content-Type'] = encoded.headers.get('content-type')!;
		} else if (opts.body !== undefined) body = Buffer.from(opts.body);
		if (body) headers['Content-Length'] = String(opts.declaredLength ?? body.length);
		Object.assign(headers, opts.headers);
		return new Promise((ok, ko) => {
			// A connection per request: a kept-alive socket the server closed while idle fails the next request.
			const req = request(
				{ host: hostname, port, path, method: opts.method ?? 'GET', headers, timeout: opts.timeoutMs ?? 60_000, agent: false },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const h = new Headers();
						for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) h.append(k, String(one));
						const bytes = Buffer.concat(chunks);
						if (opts.declaredLength !== undefined) req.destroy();
						const status = res.statusCode ?? 0;
						(status === 200 ? downloadText(h.get('content-type'), bytes) : Promise.resolve(bytes.toString('utf8'))).then(
							(text) => ok({ status, text, bytes, headers: h }),
							ko
						);
					});
					res.on('error', ko);
				}
			);
			req.on('timeout', () => req.destroy(new Error(`no answer to ${opts.method ?? 'GET'} ${path} within ${opts.timeoutMs ?? 60_000} ms`)));
			req.on('error', ko);
			if (opts.declaredLength === undefined) req.end(body);
			else req.write(body ?? Buffer.alloc(0));
		});
	}

	async function signIn(name: string, password: string) {
		const r = await http('/masuk', {
			method: 'POST',
			body: new URLSearchParams({ name, password, next: '/' }),
			headers: { Origin: origin }
		});
		const set = r.headers.getSetCookie().find((c) => c.startsWith('telaah_session='));
		return { status: r.status, cookie: set?.split(';')[0], set, retryAfter: r.headers.get('retry-after') };
	}

	/** The response body as text; a PDF's text through pdftotext (poppler-utils, see README). */
	async function bodyText(path: string, cookie: string | undefined, scratch: string): Promise<{ status: number; text: string }> {
		if (!/\.pdf(\?|$)/.test(path)) return http(path, { cookie });
		const res = await fetch(`${origin}${path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
		const bytes = Buffer.from(await res.arrayBuffer());
		if (res.status !== 200) return { status: res.status, text: bytes.toString('utf8') };
		const file = join(scratch, `probe-${Date.now()}.pdf`);
		writeFileSync(file, bytes);
		const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`pdftotext failed (${r.error?.message ?? r.stderr}): apt-get install -y poppler-utils`);
		return { status: res.status, text: r.stdout };
	}

	/** A multipart upload to /admin/unggah. */
	const upload = (name: string, content: Buffer | string, cookie: string | undefined, timeoutMs?: number) => {
		const form = new FormData();
		form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
		return http('/admin/unggah', { method: 'POST', cookie, body: form, headers: { Origin: origin }, timeoutMs });
	};

	return { http, signIn, bodyText, upload };
}

/** The probe table both security files print and write (test-results/security-*.md). */
export class ProbeTable {
	readonly rows: { probe: string; expected: string; got: string; pass: boolean }[] = [];
	record(probe: string, expected: string, got: string, pass: boolean): void {
		this.rows.push({ probe, expected, got, pass });
	}
	failed() {
		return this.rows.filter((p) => !p.pass);
	}
	markdown(): string {
		return [
			'| probe | expected | got | |',
			'|---|---|---|---|',
			...this.rows.map((p) => `| ${p.probe} | ${p.expected} | ${p.got} | ${p.pass ? 'ok' : 'FAIL'} |`)
		].join('\n');
	}
}
