// Which regions a warehouse's sources cover. A warehouse of one city is not the nation: a region
// outside every source's coverage is "tidak tercakup" (not covered), never a 0, and national
// per-capita figures, rankings, peer tables, targets and the low-reporting rule use covered
// regions only. Inside the coverage a zero stays a finding (Belitung Timur's 18 reports in three
// years). Each ingested file records its coverage (ingest_batches.coverage): what its profile
// declares, or what `inferCoverage` reads from where its complaints are.

export type Coverage = 'national' | readonly string[];

/** A file whose complaints reach this many provinces is a national export. */
const NATIONAL_PROVINCES = 10;
/** A province counts as covered as a whole when complaints come from at least this share of its kab/kota. */
const PROVINCE_SHARE = 0.5;

export interface PlacedCount {
	province: string | null;
	regency: string | null;
	n: number;
}

/**
 * The coverage of a file from its complaints' places: national when they span many provinces;
 * else a province as a whole when most of its kab/kota appear or most of its complaints are
 * addressed to the province itself, and otherwise the kab/kota that appear.
 */
export function inferCoverage(rows: readonly PlacedCount[], regenciesPerProvince: ReadonlyMap<string, number>): Coverage {
	const provinces = new Map<string, { regencies: Set<string>; provinceLevel: number; n: number }>();
	for (const r of rows) {
		if (!r.province || r.n <= 0) continue;
		const p = provinces.get(r.province) ?? { regencies: new Set<string>(), provinceLevel: 0, n: 0 };
		p.n += r.n;
		if (r.regency) p.regencies.add(r.regency);
		else p.provinceLevel += r.n;
		provinces.set(r.province, p);
	}
	if (provinces.size >= NATIONAL_PROVINCES) return 'national';
	const codes: string[] = [];
	for (const [code, p] of [...provinces].sort(([a], [b]) => a.localeCompare(b))) {
		const total = regenciesPerProvince.get(code) ?? 0;
		if ((total > 0 && p.regencies.size / total >= PROVINCE_SHARE) || p.provinceLevel * 2 >= p.n) codes.push(code);
		else codes.push(...[...p.regencies].sort());
	}
	return codes;
}

/** As stored in ingest_batches.coverage: 'national' or the codes separated by spaces. */
export const coverageText = (c: Coverage): string => (c === 'national' ? 'national' : c.join(' '));

/**
 * The session table `coverage` (made once per open, like `snapshot`): one row per covered kab/kota
 * (level 'regency') and per province with any covered kab/kota (level 'province', `whole` when all
 * are), with the covered population. Files stored before coverage was recorded count as national
 * (`recorded`: false for a warehouse whose ingest_batches has no coverage column yet).
 */
export const coverageSql = (recorded: boolean) => `CREATE OR REPLACE TEMP TABLE coverage AS
	WITH b AS (SELECT ${recorded ? "coalesce(coverage, 'national')" : "'national'"} AS coverage FROM ingest_batches),
	codes AS (SELECT unnest(string_split(coverage, ' ')) AS code FROM b WHERE coverage <> 'national'),
	nat AS (SELECT coalesce(bool_or(coverage = 'national'), false) AS national FROM b),
	reg AS (
		SELECT r.code, r.province_code, r.population FROM regions r, nat
		WHERE r.level = 'regency' AND (nat.national OR r.code IN (SELECT code FROM codes) OR r.province_code IN (SELECT code FROM codes))
	)
	SELECT code, 'regency' AS level, province_code, population::DOUBLE AS population, true AS whole FROM reg
	UNION ALL
	SELECT p.code, 'province', p.code, sum(reg.population)::DOUBLE,
		count(*) = (SELECT count(*) FROM regions x WHERE x.level = 'regency' AND x.province_code = p.code)
	FROM reg JOIN regions p ON p.code = reg.province_code
	GROUP BY p.code`;
