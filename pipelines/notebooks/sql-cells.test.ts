import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCountColumn, refusal, runCell } from './sql-cells';

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'telaah-nb-'));
	instance = await DuckDBInstance.create(join(dir, 'w.duckdb'));
	conn = await instance.connect();
	await conn.run(`CREATE TABLE complaints AS SELECT * FROM (VALUES
		('1', TIMESTAMP '2020-03-02 08:00', 'Jalan rusak', 'isi', 'h1', 'Infrastruktur', '36.03', 'selesai'),
		('2', TIMESTAMP '2020-03-05 09:30', 'Bansos', 'isi', 'h2', 'Corona Virus', '36.03', 'arsip'),
		('3', TIMESTAMP '2020-04-01 10:00', 'Air', 'isi', 'h3', 'Infrastruktur', '32.73', 'selesai')
	) t(tracking_id, created_at, title, body, reporter_hash, category_top, regency_code, status)`);
	await conn.run(`CREATE TABLE monthly_rollup AS SELECT '36.03' AS regency_code, 7 AS n UNION ALL SELECT '32.73', 3`);
});
afterAll(() => {
	conn?.closeSync();
	instance?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

describe('notebook SQL cells', () => {
	it('refuses interpolation, *, and any column of complaint text, identity or raw content', async () => {
		expect(await refusal(conn, 'SELECT count(*) AS n FROM complaints WHERE regency_code = ${region}')).toMatch(/interpolation/);
		expect(await refusal(conn, 'SELECT * FROM complaints')).toMatch(/no \*/);
		expect(await refusal(conn, 'SELECT c.title AS judul FROM complaints c')).toMatch(/title/);
		expect(await refusal(conn, 'SELECT count(DISTINCT reporter_hash) AS pelapor FROM complaints')).toMatch(/reporter_hash/);
		expect(await refusal(conn, 'SELECT length(body) AS l FROM complaints')).toMatch(/body/);
		expect(await refusal(conn, 'SELECT 1; SELECT 2')).toMatch(/one SELECT/);
		expect(await refusal(conn, 'SELECT category_top, count(*) AS n FROM complaints GROUP BY 1')).toBeNull();
	});

	it('writes typed Arrow with the counts of 1–4 as null', async () => {
		const r = await runCell(
			conn,
			`SELECT regency_code AS kode, category_top AS kategori, count(*)::INTEGER AS n_aduan, min(created_at) AS pertama,
				min(created_at)::DATE AS hari, (count(*) / 2)::DOUBLE AS separuh
			 FROM complaints GROUP BY ALL ORDER BY kode, kategori`,
			{ 'telaah.data_version': '3' }
		);
		const t = tableFromIPC(r.bytes);
		expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
			// Two values in three rows: plain text (dictionaries pay off for values that repeat).
			'kode:Utf8',
			'kategori:Utf8',
			'n_aduan:Int32',
			'pertama:Timestamp<MILLISECOND>',
			'hari:Date32<DAY>',
			'separuh:Float64'
		]);
		expect(t.numRows).toBe(3);
		expect(r.suppressed).toBe(3);
		expect([...t.getChild('n_aduan')!].every((v) => v === null)).toBe(true);
		expect(t.getChild('pertama')!.get(0)).toBe(Date.UTC(2020, 3, 1, 10));
		expect(t.schema.metadata.get('telaah.data_version')).toBe('3');
		const repeated = tableFromIPC((await runCell(conn, `SELECT 'Banten' AS provinsi FROM range(10)`, {})).bytes);
		expect(String(repeated.schema.fields[0]!.type)).toBe('Dictionary<Int32, Utf8>');
	});

	it('names count columns by the convention the README gives', () => {
		expect(['n', 'n_aduan', 'aduan_n', 'complaints', 'count'].every(isCountColumn)).toBe(true);
		expect(['rank', 'penduduk', 'per_100k', 'kuartil_penduduk', 'jumlah_kabkota'].some(isCountColumn)).toBe(false);
	});
});
