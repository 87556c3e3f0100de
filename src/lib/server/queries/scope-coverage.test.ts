// Every exported query function, run as a kab/kota user and as a province user against the db
// tier's shared sample warehouse with a topic model: none is refused by the scope guard, and every statement it sends
// either binds the user's scope, reads reference tables only, or declares itself unscoped (national
// peer baselines). A function added to src/lib/server/queries without a line in CALLS fails here.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { areaOf } from '$lib/core/vocab';
import { NO_FILTERS } from '$lib/filters';
import { sampleWarehouse } from '../../../../pipelines/ingest/test-support';
import { withScope } from '../auth/context';
import { scopeOf, type Scope } from '../auth/scope';
import type { Verdict } from '../auth/scope-guard';
import { closeDb } from '../db';

const seen: { sql: string; verdict: Verdict }[] = [];
vi.mock('../auth/scope-guard', async (importOriginal) => {
	const real = await importOriginal<typeof import('../auth/scope-guard')>();
	return {
		...real,
		async assertScopedSql(sql: string, params: Record<string, unknown>, scope?: Scope) {
			seen.push({ sql, verdict: await real.judge(sql, params, scope) });
			return real.assertScopedSql(sql, params, scope);
		}
	};
});

const here = dirname(fileURLToPath(import.meta.url));
const MONTH = '2023-06';

type Module = Record<string, unknown>;
/** How to call each exported function, given the user's own region. */
const CALLS: Record<string, (region: string) => unknown[]> = {
	'agencies.agencyLeague': () => [NO_FILTERS],
	'agencies.opdTypeSummary': () => [NO_FILTERS, 'dinsos'],
	'agencies.opdTypeAgencies': () => [NO_FILTERS, 'dinsos'],
	'agencies.opdTypeMonthly': () => [NO_FILTERS, 'dinsos'],
	'asof.warehouseAsOfEvent': () => [],
	'asof.lastCompleteMonth': () => [],
	'briefing.briefingScopeOr4xx': (r) => [r, MONTH, 'id'],
	'briefing.monthThemes': (r) => [r, MONTH],
	'briefing.monthTopics': (r) => [r, MONTH],
	'briefing.monthSpikes': (r) => [r, MONTH],
	'data.dataBatches': () => [],
	'data.quarantineReasons': () => [],
	'data.fieldCoverage': () => [],
	'data.coveredRegions': () => [],
	'compare.compare': (r) => [
		[
			{ kind: 'region', key: r, name: r },
			{ kind: 'opd', key: 'dinsos', name: 'dinsos' },
			{ kind: 'agency', key: 'Dinas Sosial', name: 'Dinas Sosial' }
		],
		{ ...NO_FILTERS, from: '2023-01', to: '2023-06' },
		{ first_month: '2018-01', last_month: '2023-12', complete_month: '2023-11' }
	],
	// Agencies are looked up in the scope: probed end to end (tests/security.test.ts), as one that exists here is not known.
	'compare.subjectsOr4xx': (r) => [{ kind: 'region', keys: [r] }, NO_FILTERS, 'id'],
	'complaints.complaintPage': () => [NO_FILTERS, 1],
	'complaints.complaintPage (search)': () => [NO_FILTERS, 1, ['jalan', 'rusak']],
	'districts.districtBreakdown': (r) => [NO_FILTERS, r.includes('.') ? r : '36.03'],
	'districts.districtList': (r) => [r.includes('.') ? r : '36.03'],
	'late.lateSummary': () => [NO_FILTERS],
	'late.lateGroups': () => [NO_FILTERS, 10],
	'late.lateList': () => [NO_FILTERS, 5, 5],
	'late.lateCsvRows': () => [NO_FILTERS],
	'options.regencyChoices': (r) => [r.includes('.') ? r : '36.03'],
	'overview.kpis (agency)': () => [{ ...NO_FILTERS, agency: 'Dinas Sosial Kabupaten Tangerang' }],
	'complaints.complaintById': () => ['5000001'],
	'options.regionList': () => [],
	'options.categoryList': () => [],
	'options.regionByCode': (r) => [r],
	'overview.kpis': () => [{ ...NO_FILTERS, from: '2023-01', to: '2023-12' }],
	'overview.monthly': () => [NO_FILTERS],
	'overview.topCategories': () => [NO_FILTERS],
	'overview.warehouseFacts': () => [],
	'overview.dataDates': () => [],
	'overview.overview': () => [NO_FILTERS],
	'overview.periodCards': () => [{ ...NO_FILTERS, from: '2023-01', to: '2023-06' }],
	'overview.regionTarget': (r) => [{ ...NO_FILTERS, region: r, from: '2023-01', to: '2023-12' }],
	'recommend-inputs.areaInfo': (r) => [areaOf(r), 'Nasional'],
	'regions.regionRanking': () => [NO_FILTERS, 'regency'],
	'topics.topicFit': () => [],
	'topics.topicClusters': () => [NO_FILTERS],
	'topics.topicThemes': () => [NO_FILTERS],
	'topics.topicHeatmap': () => [NO_FILTERS, [0, 1, 2]],
	'topics.topicSpikes': () => [NO_FILTERS],
	'trends.trends': () => [NO_FILTERS, 'month'],
	'trends.yearOnYearMonths': () => [NO_FILTERS, { first_month: '2018-01', last_month: '2023-12', complete_month: '2023-11' }]
};
/** Exports that run no query themselves (pure helpers, SQL text), or are covered through another. */
const NOT_QUERIES = new Set([
	'agencies.sortAgencies',
	'asof.completeMonthOf',
	'complaints.complaintCsvRows', // streams: checked below
	'districts.byVolume',
	'filter-sql.scopeParams',
	'filter-sql.withFilters',
	'filter-sql.grainFor',
	'filter-sql.withRollupFilters',
	'filter-sql.monthlyCountsSql',
	'overview.comparisonPeriods',
	'recommend-inputs.recommendInputs', // needs areaInfo's result: called below
	'regions.sortRegions',
	'trends.trendsSql',
	'trends.buildSeries'
]);

async function queryModules(): Promise<[string, Module][]> {
	const names = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
	return Promise.all(
		names.map(async (f) => [f.replace(/\.ts$/, ''), (await import(`./${f.replace(/\.ts$/, '')}.ts`)) as Module] as [string, Module])
	);
}

beforeAll(() => {
	process.env.TELAAH_DB = sampleWarehouse();
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
});

describe('every query function under a scoped user', () => {
	it('has a way to be called here (a new query function must be added to CALLS)', async () => {
		const exported = (await queryModules()).flatMap(([m, mod]) =>
			Object.entries(mod)
				.filter(([, v]) => typeof v === 'function')
				.map(([n]) => `${m}.${n}`)
		);
		expect(Object.keys(CALLS).filter((c) => !exported.includes(c.split(' ')[0]!))).toEqual([]);
		expect(exported.filter((e) => !CALLS[e] && !NOT_QUERIES.has(e))).toEqual([]);
	});

	for (const [user, scope, region] of [
		['daerah 36.03', scopeOf('daerah', '36.03'), '36.03'],
		['provinsi 36', scopeOf('provinsi', '36'), '36']
	] as const) {
		it(`runs each as ${user}: bound to the scope, reference-only or declared unscoped, never refused`, async () => {
			const modules = new Map(await queryModules());
			const failures: string[] = [];
			const kinds = new Map<string, Set<string>>();
			for (const [name, args] of Object.entries(CALLS)) {
				const [m, fn] = name.split(' ')[0]!.split('.') as [string, string];
				const f = modules.get(m)![fn] as (...a: unknown[]) => Promise<unknown>;
				seen.length = 0;
				await withScope(scope, () => f(...args(region))).catch((e: unknown) =>
					failures.push(`${name}: ${(e as { body?: { message?: string } }).body?.message ?? e}`)
				);
				const classes = new Set(
					seen.map(({ sql, verdict }) =>
						!verdict.ok
							? `REFUSED (${verdict.why})`
							: verdict.scoped
								? 'scoped'
								: sql.includes('/* unscoped:')
									? 'declared unscoped'
									: 'reference only'
					)
				);
				kinds.set(name, classes);
				for (const c of classes) if (c.startsWith('REFUSED')) failures.push(`${name}: ${c}`);
			}
			// The recommendations' inputs (built from areaInfo) and the streamed CSV rows.
			const inputs = await withScope(scope, async () => {
				const area = await (modules.get('recommend-inputs')!.areaInfo as (a: unknown, n: string) => Promise<unknown>)(
					areaOf(region),
					'Nasional'
				);
				return (modules.get('recommend-inputs')!.recommendInputs as (a: unknown, m: string) => Promise<unknown>)(area, MONTH);
			});
			expect(inputs).toBeTruthy();
			const streamed = await withScope(scope, async () => {
				const out: { regency_code: string | null; province_code: string | null }[] = [];
				for await (const batch of (
					modules.get('complaints')!.complaintCsvRows as (
						f: unknown
					) => AsyncGenerator<{ regency_code: string | null; province_code: string | null }[]>
				)({ ...NO_FILTERS, region }))
					out.push(...batch);
				return out;
			});
			expect(streamed.length).toBeGreaterThan(0);
			expect(streamed.every((r) => (region.includes('.') ? r.regency_code === region : r.province_code === region))).toBe(true);
			console.log(`${user}:\n${[...kinds].map(([n, k]) => `  ${n}: ${[...k].join(', ') || 'no query'}`).join('\n')}`);
			expect(failures).toEqual([]);
			// Not vacuous: most functions do read complaint data under the scope.
			expect([...kinds.values()].filter((k) => k.has('scoped')).length).toBeGreaterThan(15);
		}, 120_000);
	}
});
