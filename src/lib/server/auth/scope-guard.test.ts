import { describe, expect, it } from 'vitest';
import { TABLES } from '$lib/core/tables';
import { assertScopedSql, judge, tablesOf } from './scope-guard';
import { withScope } from './context';
import { ALL, scopeOf } from './scope';

const kab = scopeOf('daerah', '36.03');
const prov = scopeOf('provinsi', '36');
const ok = async (sql: string, params: Record<string, unknown> = {}, scope = kab) => (await judge(sql, params, scope)).ok;

describe('the tables a statement reads, as DuckDB parses it', () => {
	it('finds tables in joins, subqueries, CTE bodies and set operations, not the CTE names or table functions', async () => {
		const sql = `WITH a AS (SELECT * FROM complaints c JOIN regions r ON r.code = c.regency_code)
			SELECT * FROM a, monthly_rollup m LEFT JOIN (SELECT 1 FROM topic_spikes) s ON true
			WHERE 1 IN (SELECT 1 FROM quarantine) UNION ALL SELECT * FROM read_csv('x.csv')`;
		expect(await tablesOf(sql)).toEqual(['complaints', 'monthly_rollup', 'quarantine', 'regions', 'topic_spikes']);
		// Upper case, quoted and commented spellings a regex would miss.
		expect(await tablesOf(`select * from "COMPLAINT_THEMES" /* from regions */ , "quarantine"`)).toEqual([
			'complaint_themes',
			'quarantine'
		]);
	});
});

describe('the scope guard', () => {
	it('passes SQL that binds the user scope, reference tables, and declared national baselines', async () => {
		expect(await ok('SELECT * FROM complaints WHERE ($scope IS NULL OR regency_code = $scope)', { scope: '36.03' })).toBe(true);
		expect(await ok('SELECT * FROM monthly_rollup WHERE province_code = $scope', { scope: '36' }, prov)).toBe(true);
		expect(await ok(`SELECT count(*) FROM information_schema.tables WHERE table_name IN ('complaint_topics')`)).toBe(true);
		expect(await ok('SELECT code FROM regions JOIN topic_clusters ON true')).toBe(true);
		expect(await ok('SELECT /* unscoped: the snapshot date */ max(created_at) FROM complaints')).toBe(true);
	});

	it('refuses complaint data without $scope or with another scope, the rollup and spikes too (the regex missed them)', async () => {
		expect(await ok('SELECT * FROM complaints')).toBe(false);
		expect(await ok('SELECT * FROM monthly_rollup WHERE grain = $g', { g: 'area' })).toBe(false);
		expect(await ok('SELECT * FROM topic_spikes')).toBe(false);
		expect(await ok('SELECT * FROM topic_clusters t JOIN complaint_themes c ON true')).toBe(false);
		expect(await ok('SELECT * FROM complaints WHERE regency_code = $scope', { scope: '32.73' })).toBe(false);
		expect(await ok('SELECT * FROM complaints WHERE regency_code = $scope', { scope: null })).toBe(false);
	});

	it('refuses national-only tables and any table missing from the registry, even with $scope', async () => {
		expect(await ok('SELECT * FROM quarantine WHERE $scope IS NULL', { scope: '36.03' })).toBe(false);
		expect(await ok('SELECT /* unscoped: the time of the last load */ max(finished_at) FROM ingest_batches')).toBe(true);
		expect(await ok('SELECT * FROM new_table_nobody_registered WHERE $scope = $scope', { scope: '36.03' })).toBe(false);
		await expect(judge('SELEC nonsense', {}, kab)).rejects.toThrow(/cannot parse/);
		await expect(withScope(kab, () => assertScopedSql('SELEC nonsense', {}))).rejects.toMatchObject({ status: 500 });
	});

	it('lets the national scope through, and every registered table has a scope', async () => {
		expect(await ok('SELECT * FROM quarantine', {}, ALL)).toBe(true);
		expect(Object.values(TABLES).every((t) => ['region', 'via', 'national', 'reference'].includes(t.kind))).toBe(true);
		await expect(withScope(kab, () => assertScopedSql('SELECT * FROM complaints', {}))).rejects.toMatchObject({ status: 500 });
		await expect(withScope(ALL, () => assertScopedSql('SELECT * FROM complaints', {}))).resolves.toBeUndefined();
	});
});
