// `npm run agencies` as an admin runs it: a real warehouse, a real process, the --json contract;
// the rows it proposes, added to a copy of the alias table, take effect on the next ingest.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_TABLE } from '../ingest/agency-table.ts';
import { ingest } from '../ingest/load.ts';
import {
	baseRow,
	emptyWarehouse,
	ingestInto,
	laporCsv,
	scratchDir,
	sql,
	TEST_SALT,
	withWarehouse,
	type Scratch
} from '../ingest/test-support.ts';
import { REPO_ROOT } from '../warehouse/open.ts';

let s: Scratch;
let db: string;
let file: string;
const cli = (...args: string[]) =>
	spawnSync(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), [resolve(REPO_ROOT, 'pipelines/agencies/cli.ts'), ...args], {
		encoding: 'utf8',
		cwd: REPO_ROOT
	});
const json = (r: ReturnType<typeof cli>) => {
	expect(r.status, r.stderr).toBe(0);
	return JSON.parse(r.stdout);
};

beforeAll(async () => {
	s = scratchDir();
	db = emptyWarehouse(`${s.dir}/w.duckdb`);
	const agencies = [
		...Array(5).fill('Dinas Sosial Kabupaten Tangerang'),
		...Array(3).fill('DINSOS KAB. TANGERANG'),
		...Array(4).fill('Dinas Bina Marga Kab. Tangerang'),
		...Array(6).fill('Dinas PUPR Kabupaten Tangerang'),
		...Array(2).fill('Tim Reaksi Cepat Kab. Tangerang'),
		'Kementerian Sosial'
	];
	file = s.file('a.csv', laporCsv(agencies.map((a, i) => baseRow({ 'ID Tracking': String(1000 + i), 'Instansi Tujuan': a }))));
	await ingestInto(db, [file]);
});
afterAll(() => s.cleanup());

describe('npm run agencies', () => {
	it('counts spellings and agencies, and lists the unrecognised and the offices with several names, with rows to add', () => {
		const r = json(cli('--db', db, '--json'));
		expect(r).toMatchObject({ spellings: 6, agencies: 5, table: DEFAULT_AGENCY_TABLE, unrecognisedTotal: 1, severalNamesTotal: 1 });
		expect(r.unrecognised).toEqual([
			{
				name: 'Tim Reaksi Cepat Kabupaten Tangerang',
				own: 'tim reaksi cepat',
				region: '36.03',
				opdType: 'lainnya',
				authority: 'lainnya',
				n: 2,
				spellings: [{ raw: 'Tim Reaksi Cepat Kab. Tangerang', n: 2 }]
			}
		]);
		expect(r.severalNames.map((g: { name: string; n: number }[]) => g.map((a) => [a.name, a.n]))).toEqual([
			[
				['Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang', 6],
				['Dinas Bina Marga Kabupaten Tangerang', 4]
			]
		]);
		const text = cli('--db', db, '--region', '36.03');
		expect(text.status, text.stderr).toBe(0);
		expect(text.stdout).toContain('6 spellings -> 5 agencies');
		expect(text.stdout).toContain('if one office: name,dinas bina marga,dinas pekerjaan umum dan penataan ruang,36.03,,reviewed');
		expect(json(cli('--db', db, '--json', '--min', '3')).unrecognised).toEqual([]);
		expect(json(cli('--db', db, '--json', '--region', '32')).spellings).toBe(0);
		expect(cli('--db', db, '--region', "36'; DROP TABLE complaints").status).toBe(2);
		expect(cli('--db', `${s.dir}/none.duckdb`).status).toBe(1);
	});

	it('takes the rows it proposes, once added to the table, on the next ingest', async () => {
		const text = cli('--db', db).stdout;
		const proposed = [...text.matchAll(/if one office: (.+)$/gm)].map((m) => m[1]!);
		expect(proposed).toHaveLength(1);
		const table = s.file(
			'aliases.csv',
			`${readFileSync(DEFAULT_AGENCY_TABLE, 'utf8')}${proposed.join('\n')}\nname,tim reaksi cepat,,36.03,pemda,reviewed in a test\n`
		);
		const after = json(cli('--db', db, '--json', '--aliases', table));
		expect(after).toMatchObject({ spellings: 6, agencies: 4, unrecognisedTotal: 0, severalNamesTotal: 0 });
		await withWarehouse(db, (w) => ingest(w.conn, [file], { salt: TEST_SALT, agencyAliases: table }));
		expect(
			await sql(
				db,
				`SELECT agency_name, agency_authority, count(*)::INTEGER n FROM complaints WHERE opd_type IN ('pupr', 'lainnya') GROUP BY ALL ORDER BY n DESC`
			)
		).toEqual([
			{ agency_name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang', agency_authority: 'pemda', n: 10 },
			{ agency_name: 'Tim Reaksi Cepat Kabupaten Tangerang', agency_authority: 'pemda', n: 2 }
		]);
	});
});
