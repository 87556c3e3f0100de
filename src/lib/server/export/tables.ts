// Every downloadable table, declared once: the CSV header keys (stable: tools read them), the
// kinds, and where each value comes from in the rows of the page's own query function. The
// routes under src/routes/api/*.[ext=download] pair a table with the request that reads its rows.
import { SOURCE_FIELDS } from '$lib/core/fields';
import { SUPPRESSED } from '$lib/core/privacy';
import { themeName } from '$lib/core/themes';
import { authorityLabel, channelLabel, opdLabel, statusLabel } from '$lib/labels';
import { translate, type Lang } from '$lib/i18n';
import { scopeWord } from '$lib/recommend/common';
import type { Recommendation } from '$lib/recommend/types';
import type { RegionLevel } from '$lib/core/vocab';
import type { AgencyRegionRow, AgencyRow } from '../queries/agencies';
import type { ComplaintListRow } from '../queries/complaints';
import type { Figures, Subject, ThemeShare } from '../queries/compare';
import type { BatchRow, FieldCoverage, QuarantineRow } from '../queries/data';
import type { DistrictRow } from '../queries/districts';
import type { LateRow } from '../queries/late';
import type { CategoryCount } from '../queries/overview';
import type { RegionRow } from '../queries/regions';
import type { HeatmapCell, SpikeRow, TopicRow } from '../queries/topics';
import type { TrendRow } from '../queries/trends';
import { column, metric, type Column, type ColumnLabel, type Table } from './table';
import type { MonthPeriod } from '$lib/change';
import type { MetricId } from '$lib/core/metrics';

const rank = <R>(): Column<R> => column<R>('rank', 'int', (_, i) => i + 1);
const opd = (v: string, lang: Lang) => opdLabel(lang, v);

/** The deadline columns /instansi and /instansi/[type] share, then whom the agency answers to. */
function agencyMetrics<R extends AgencyRow>(): Column<R>[] {
	return [
		column<R>('complaints', 'int', (r) => r.n),
		metric<R>('response_median_days', 'medianResponseDays', (r) => r.medianResponseDays),
		// The 90th percentile needs the fields the median does: absent with it.
		column<R>('response_p90_days', 'float', (r) => r.responseP90),
		metric<R>('close_median_days', 'closeMedianDays', (r) => r.closeMedianDays),
		column<R>('verification_due', 'int', (r) => r.breach3Rate.den ?? null),
		metric<R>('verification_breach_pct', 'breach3Rate', (r) => r.breach3Rate),
		column<R>('followup_due', 'int', (r) => r.breach5Rate.den ?? null),
		metric<R>('followup_breach_pct', 'breach5Rate', (r) => r.breach5Rate),
		column<R>('older_than_60d', 'int', (r) => r.unresolved60Rate.den ?? null),
		metric<R>('unresolved_60d_pct', 'unresolved60Rate', (r) => r.unresolved60Rate),
		column<R>('authority', 'category', (r) => r.authority, { display: (v, lang) => authorityLabel(lang, v) })
	];
}

export const overviewTable: Table<CategoryCount> = {
	name: 'telaah-kategori-teratas',
	description: 'export.table.overview',
	columns: [
		rank(),
		column('category', 'category', (r) => r.category),
		column('complaints', 'int', (r) => r.n),
		column('share_pct', 'pct', (r) => r.share)
	]
};

export const complaintsTable: Table<ComplaintListRow> = {
	name: 'telaah-aduan',
	description: 'export.table.aduan',
	columns: [
		column('tracking_id', 'code', (r) => r.tracking_id),
		column('created_at', 'timestamp', (r) => r.created_at),
		// Withheld in SQL already; kept empty here too, whatever a query change might bring.
		column('title', 'text', (r) => (r.is_confidential ? null : r.title)),
		column('category_top', 'category', (r) => r.category_top, { label: 'category' }),
		column('province_code', 'code', (r) => r.province_code),
		column('regency_code', 'code', (r) => r.regency_code),
		column('region', 'category', (r) => r.regency_name ?? r.province_name),
		column('opd_type', 'category', (r) => r.opd_type, { display: opd }),
		column('agency', 'category', (r) => r.agency_name),
		column('channel', 'category', (r) => r.channel, { display: (v, lang) => channelLabel(lang, v) }),
		column('status', 'category', (r) => r.status, { display: (v, lang) => statusLabel(lang, v) }),
		column('confidential', 'bool', (r) => r.is_confidential)
	]
};

export const agencyTable: Table<AgencyRow> = {
	name: 'telaah-instansi',
	description: 'export.table.instansi',
	columns: [
		rank(),
		column('opd_type', 'category', (r) => r.opd_type, { display: opd }),
		column('agency', 'text', (r) => r.agency),
		...agencyMetrics<AgencyRow>()
	]
};

export const opdTypeTable: Table<AgencyRegionRow> = {
	name: 'telaah-instansi-jenis',
	description: 'export.table.instansiType',
	columns: [
		column('opd_type', 'category', (r) => r.opd_type, { display: opd }),
		column('agency', 'text', (r) => r.agency),
		column('regency_code', 'code', (r) => r.regency_code),
		column('regency_name', 'category', (r) => r.regency_name),
		...agencyMetrics<AgencyRegionRow>()
	]
};

/** One row per evidence figure of each ranked recommendation (a recommendation without any: one row). */
export interface RecommendationLine {
	rank: number;
	rec: Recommendation;
	evidence: Recommendation['evidence'][number] | null;
}

export const recommendationTable: Table<RecommendationLine> = {
	name: 'telaah-rekomendasi',
	description: 'export.table.rekomendasi',
	columns: [
		column('rank', 'int', (r) => r.rank),
		column('rule', 'category', (r) => r.rec.rule),
		column('severity', 'category', (r) => r.rec.severity),
		column('score', 'float', (r) => r.rec.score),
		column('scope_level', 'category', (r) => scopeWord(r.rec.scope.level)),
		column('scope_code', 'code', (r) => r.rec.scope.code),
		column('scope_name', 'text', (r) => r.rec.scope.name),
		column('title', 'text', (r) => r.rec.title, { label: 'recommendation' }),
		column('action', 'text', (r) => r.rec.action),
		column('evidence_label', 'text', (r) => r.evidence?.label ?? null),
		column('evidence_value', 'text', (r) => r.evidence?.value ?? null),
		column('evidence_link', 'text', (r) => r.evidence?.href ?? null)
	]
};

export const topicTable: Table<TopicRow> = {
	name: 'telaah-topik',
	description: 'export.table.topik',
	columns: [
		rank(),
		column('cluster_id', 'int', (r) => r.clusterId),
		column('label', 'text', (r) => r.label, { label: 'topic_label' }),
		column('complaints', 'int', (r) => r.n, { suppressed: true }),
		column('share_pct', 'pct', (r) => r.share, { label: 'topic_share_pct' }),
		column('top_terms', 'text', (r) => r.terms.join('; '))
	]
};

export interface HeatmapLine {
	level: RegionLevel;
	cell: HeatmapCell;
	label: string;
}

export const heatmapTable: Table<HeatmapLine> = {
	name: 'telaah-topik-wilayah',
	description: 'export.table.topikHeatmap',
	columns: [
		column('level', 'category', (r) => r.level),
		column('region_code', 'code', (r) => r.cell.code),
		column('region', 'category', (r) => r.cell.name, { label: 'region_name' }),
		column('cluster_id', 'int', (r) => r.cell.clusterId),
		column('label', 'category', (r) => r.label, { label: 'topic_label' }),
		column('complaints', 'int', (r) => r.cell.n, { suppressed: true }),
		column('share_of_region_pct', 'pct', (r) => r.cell.share)
	]
};

/** A spike with its theme's name in the request's language. */
export type SpikeLine = SpikeRow & { theme_label: string };

export const spikeTable: Table<SpikeLine> = {
	name: 'telaah-topik-lonjakan',
	description: 'export.table.topikSpikes',
	columns: [
		column('regency_code', 'code', (r) => r.regency_code),
		column('regency', 'category', (r) => r.regency_name, { label: 'regency_name' }),
		column('province', 'category', (r) => r.province_name, { label: 'province_name' }),
		column('theme', 'category', (r) => r.theme),
		column('theme_label', 'category', (r) => r.theme_label),
		column('start_month', 'month', (r) => r.start),
		column('peak_month', 'month', (r) => r.peak),
		column('end_month', 'month', (r) => r.end),
		column('observed_peak', 'int', (r) => r.peak_count),
		column('expected_peak', 'float', (r) => r.peak_baseline),
		column('ratio', 'float', (r) => r.ratio),
		column('excess', 'float', (r) => r.excess),
		column('ongoing', 'bool', (r) => r.ongoing)
	]
};

export const trendTable: Table<TrendRow> = {
	name: 'telaah-tren',
	description: 'export.table.tren',
	columns: [
		column('dimension', 'category', (r) => r.dim),
		column('period_start', 'date', (r) => r.bucket),
		column('key', 'category', (r) => r.key ?? 'lainnya', {
			display: (v, lang, r) => (r.dim === 'channel' ? channelLabel(lang, v) : r.dim === 'status' ? statusLabel(lang, v) : v)
		}),
		column('complaints', 'int', (r) => r.n)
	]
};

// A region outside the sources' coverage (core/coverage.ts) has no count to give, not 0.
const notCovered = (r: RegionRow) => (r.covered ? null : 'metric.notCovered');

export interface RegionLine extends RegionRow {
	level: RegionLevel;
}

export const regionTable: Table<RegionLine> = {
	name: 'telaah-wilayah',
	description: 'export.table.wilayah',
	columns: [
		rank(),
		column('code', 'code', (r) => r.code, { label: 'region_code' }),
		column('name', 'text', (r) => r.name, { label: 'region_name' }),
		column('province_code', 'code', (r) => r.province_code),
		column('population', 'int', (r) => (r.population === null ? null : Math.round(r.population))),
		column('complaints', 'int', (r) => r.n, { unavailable: notCovered }),
		column('per_100k', 'float', (r) => r.per100k, { unavailable: notCovered }),
		metric('follow_up_pct', 'followUpRate', (r) => r.followUpRate),
		// Compliance is 1 − a breach rate (core/metrics.ts complement), over the same complaints.
		metric('verification_3wd_pct', 'breach3Rate', (r) => r.comply3),
		metric('followup_5wd_pct', 'breach5Rate', (r) => r.comply5),
		column('rank_in_province', 'int', (r) => (r.level === 'regency' ? r.province_rank : null)),
		column('population_quartile', 'int', (r) => r.band)
	]
};

/** A /banding subject (a region, an OPD type, an agency) in a row: its kind, key and name. */
function subjectColumns<R extends { subject: Subject }>(): Column<R>[] {
	return [
		column<R>('subject_kind', 'category', (r) => r.subject.kind),
		// A region code, an OPD type code or an agency name: text whatever it looks like.
		column<R>('subject_code', 'code', (r) => r.subject.key),
		column<R>('subject_name', 'text', (r) => r.subject.name)
	];
}

/** /banding's figures, under each key in the metric's CSV format (core/metrics.ts), in the order of the page. */
const COMPARE_FIGURES: [ColumnLabel, MetricId, (f: Figures) => Figures['followUpRate']][] = [
	['follow_up_pct', 'followUpRate', (f) => f.followUpRate],
	['completion_pct', 'completionRate', (f) => f.completionRate],
	['response_median_days', 'medianResponseDays', (f) => f.medianResponseDays],
	['verification_breach_pct', 'breach3Rate', (f) => f.breach3Rate],
	['followup_breach_pct', 'breach5Rate', (f) => f.breach5Rate],
	['unresolved_60d_pct', 'unresolved60Rate', (f) => f.unresolved60Rate],
	['backlog', 'backlog', (f) => f.backlog]
];

export interface CompareLine {
	subject: Subject;
	figures: Figures;
	yoy: { current: MonthPeriod; previous: MonthPeriod; now: Figures; before: Figures } | null;
}

/** The same figures of one of the year-on-year periods, as `<key>_yoy` / `<key>_yoy_previous`. */
function yoyColumns(side: 'now' | 'before'): Column<CompareLine>[] {
	const suffix = side === 'now' ? '_yoy' : '_yoy_previous';
	const label = side === 'now' ? 'figure_yoy' : 'figure_yoy_previous';
	const of = (r: CompareLine) => r.yoy?.[side] ?? null;
	return [
		column<CompareLine>(`complaints${suffix}`, 'int', (r) => of(r)?.total ?? null, { label, labelParams: { figure: 'col.complaints' } }),
		...COMPARE_FIGURES.map(([key, id, get]) =>
			metric<CompareLine>(`${key}${suffix}`, id, (r) => (of(r) ? get(of(r)!) : null), { label, labelParams: { figure: `col.${key}` } })
		)
	];
}

/** /banding: one row per subject, its figures for the period and for the year-on-year periods. */
export const compareTable: Table<CompareLine> = {
	name: 'telaah-banding',
	description: 'export.table.banding',
	columns: [
		...subjectColumns<CompareLine>(),
		column('population', 'int', (r) => (r.figures.population === null ? null : Math.round(r.figures.population))),
		column('per_100k', 'float', (r) => r.figures.per100k, {
			unavailable: (r) => (r.subject.kind === 'region' && r.figures.population === null ? 'metric.notCovered' : null)
		}),
		column('complaints', 'int', (r) => r.figures.total),
		...COMPARE_FIGURES.map(([key, id, get]) => metric<CompareLine>(key, id, (r) => get(r.figures))),
		column('yoy_from', 'month', (r) => r.yoy?.current.from ?? null),
		column('yoy_to', 'month', (r) => r.yoy?.current.to ?? null),
		column('yoy_previous_from', 'month', (r) => r.yoy?.previous.from ?? null),
		column('yoy_previous_to', 'month', (r) => r.yoy?.previous.to ?? null),
		...yoyColumns('now'),
		...yoyColumns('before')
	]
};

export interface CompareMonthLine {
	subject: Subject;
	month: string;
	n: number;
	per100k: number | null;
}

/** /banding: complaints (and per 100k, for covered regions) per subject and month. */
export const compareMonthlyTable: Table<CompareMonthLine> = {
	name: 'telaah-banding-bulanan',
	description: 'export.table.bandingMonthly',
	columns: [
		...subjectColumns<CompareMonthLine>(),
		column('month', 'month', (r) => r.month),
		column('complaints', 'int', (r) => r.n),
		column('per_100k', 'float', (r) => r.per100k)
	]
};

export interface CompareThemeLine {
	subject: Subject;
	theme: string;
	/** The theme's name in the request's language (core/themes.ts themeName). */
	theme_label: string;
	share: ThemeShare;
}

/** /banding: each subject's policy themes; a small kab/kota count is "<5" (core/privacy.ts). */
export const compareThemesTable: Table<CompareThemeLine> = {
	name: 'telaah-banding-tema',
	description: 'export.table.bandingThemes',
	columns: [
		...subjectColumns<CompareThemeLine>(),
		column('theme', 'category', (r) => r.theme),
		column('theme_label', 'text', (r) => r.theme_label),
		column('complaints', 'int', (r) => r.share.n, { suppressed: true }),
		column('share_of_subject_pct', 'pct', (r) => r.share.share)
	]
};

/** /data: the files loaded and what became of their rows (a scoped user's counts are of their region). */
export const batchTable: Table<BatchRow> = {
	name: 'telaah-data-batches',
	description: 'export.table.dataBatches',
	columns: [
		column('batch_id', 'int', (r) => r.batch_id),
		column('file', 'text', (r) => r.file_name),
		column('profile', 'category', (r) => r.profile),
		column('format', 'category', (r) => r.format, { label: 'file_format' }),
		column('loaded_at', 'timestamp', (r) => r.loaded_at, { utc: true }),
		column('rows_read', 'int', (r) => r.rows_read),
		column('loaded', 'int', (r) => r.loaded),
		column('updated', 'int', (r) => r.updated),
		column('duplicate', 'int', (r) => r.duplicate),
		column('quarantined', 'int', (r) => r.quarantined),
		column('coverage', 'text', (r) => r.coverage)
	]
};

/** /data: why rows were not loaded (national users only). */
export const quarantineTable: Table<QuarantineRow> = {
	name: 'telaah-data-quarantine',
	description: 'export.table.dataQuarantine',
	columns: [
		column('reason_code', 'category', (r) => r.reason_code),
		column('rows', 'int', (r) => r.n),
		column('files', 'int', (r) => r.files),
		column('example_reason', 'text', (r) => r.example),
		column('first_file', 'text', (r) => r.first_file)
	]
};

/** A coverage row with the label of its group (a source profile, a month, or "tanpa tanggal"). */
export interface CoverageLine {
	key: string;
	coverage: FieldCoverage;
}

/**
 * /data: per source or per month, which share of complaints came from files that provide each field
 * and which share has it filled; "tidak tersedia" for the filled share where no file provides it.
 */
function coverageTable(by: 'source' | 'month'): Table<CoverageLine> {
	return {
		name: by === 'source' ? 'telaah-data-sources' : 'telaah-data-months',
		description: by === 'source' ? 'export.table.dataSources' : 'export.table.dataMonths',
		columns: [
			// A month, or the words for undated complaints: text, not a date.
			column<CoverageLine>(by, 'category', (r) => r.key),
			column<CoverageLine>('complaints', 'int', (r) => r.coverage.n, { label: 'coverage_complaints' }),
			...SOURCE_FIELDS.flatMap((f) => [
				column<CoverageLine>(`${f}_provided_pct`, 'pct', (r) => r.coverage.fields[f].provided, {
					label: 'field_provided_pct',
					labelParams: { field: `field.${f}` }
				}),
				column<CoverageLine>(`${f}_filled_pct`, 'pct', (r) => r.coverage.fields[f].filled, {
					label: 'field_filled_pct',
					labelParams: { field: `field.${f}` },
					unavailable: (r) => (r.coverage.fields[f].provided === 0 ? 'metric.absent' : null)
				})
			])
		]
	};
}

export const sourceCoverageTable = coverageTable('source');
export const monthCoverageTable = coverageTable('month');

/** A coverage group's label: a month stays 'YYYY-MM', no month is "tanpa tanggal" in the request's language. */
export const coverageLines = (rows: readonly FieldCoverage[], lang: Lang): CoverageLine[] =>
	rows.map((coverage) => ({ key: coverage.key ?? translate(lang, 'data.undated'), coverage }));

/**
 * The kecamatan of a kab/kota (/wilayah/[code]): every kecamatan of the reference, then the
 * complaints whose kecamatan matched none. No kecamatan population in the reference data: per
 * 100k is "tidak tersedia". When no loaded file gives a kecamatan, `unknown` marks the
 * kecamatan rows: their figures are "tidak tersedia", not 0.
 */
export type DistrictLine = DistrictRow & { unknown: boolean };
const districtUnknown = (r: DistrictLine) => (r.unknown ? 'metric.absent' : null);
const themeList = (r: DistrictLine, name: (id: string) => string) =>
	(r.themes ?? []).map((t) => `${name(t.theme)} (${t.n === null ? SUPPRESSED : t.n})`).join('; ');

export const districtTable: Table<DistrictLine> = {
	name: 'telaah-kecamatan',
	description: 'export.table.kecamatan',
	columns: [
		column('district_code', 'code', (r) => r.code),
		column('district', 'text', (r) => r.name ?? null),
		column('complaints', 'int', (r) => r.n, { unavailable: districtUnknown }),
		column('per_100k', 'float', () => null, { unavailable: () => 'metric.absent' }),
		...(
			[
				metric<DistrictLine>('follow_up_pct', 'followUpRate', (r) => r.followUpRate),
				metric<DistrictLine>('response_median_days', 'medianResponseDays', (r) => r.medianResponseDays),
				metric<DistrictLine>('verification_breach_pct', 'breach3Rate', (r) => r.breach3Rate),
				metric<DistrictLine>('followup_breach_pct', 'breach5Rate', (r) => r.breach5Rate)
			] as Column<DistrictLine>[]
		).map((c) => ({ ...c, unavailable: (r: DistrictLine) => districtUnknown(r) ?? c.unavailable!(r) })),
		// Theme ids with their counts ("<5" for 1–4); names in the UI language in Excel.
		column('top_themes', 'text', (r) => (r.themes === null ? null : themeList(r, (id) => id)), {
			unavailable: (r) => (r.themes === null || r.unknown ? 'metric.absent' : null),
			display: (_, lang, r) => themeList(r, (id) => themeName(id, lang))
		})
	]
};

/** /aduan/terlambat: every late complaint, per OPD, oldest first; a deadline its file cannot tell is "tidak tersedia". */
export const lateTable: Table<LateRow> = {
	name: 'telaah-terlambat',
	description: 'export.table.terlambat',
	columns: [
		column('agency', 'category', (r) => r.agency || null),
		column('opd_type', 'category', (r) => r.opd_type, { display: opd }),
		column('tracking_id', 'code', (r) => r.tracking_id),
		column('created_at', 'timestamp', (r) => r.created_at),
		column('title', 'text', (r) => (r.is_confidential ? null : r.title)),
		column('regency', 'category', (r) => r.regency_name, { label: 'regency_name' }),
		column('district', 'text', (r) => r.district_name),
		column('status', 'category', (r) => r.status, { display: (v, lang) => statusLabel(lang, v) }),
		column('verification_overdue_wd', 'int', (r) => r.verify_late, { unavailable: (r) => (r.verify_known ? null : 'metric.absent') }),
		column('response_overdue_wd', 'int', (r) => r.respond_late, { unavailable: (r) => (r.respond_known ? null : 'metric.absent') }),
		column('confidential', 'bool', (r) => r.is_confidential)
	]
};

export const TABLES = [
	overviewTable,
	complaintsTable,
	agencyTable,
	opdTypeTable,
	recommendationTable,
	topicTable,
	heatmapTable,
	spikeTable,
	trendTable,
	regionTable,
	compareTable,
	compareMonthlyTable,
	compareThemesTable,
	batchTable,
	quarantineTable,
	sourceCoverageTable,
	monthCoverageTable,
	districtTable,
	lateTable
] as const;
