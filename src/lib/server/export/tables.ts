// Every downloadable table, declared once: the CSV header keys (stable: tools read them), the
// kinds, and where each value comes from in the rows of the page's own query function. The
// routes under src/routes/api/*.[ext=download] pair a table with the request that reads its rows.
import { channelLabel, opdLabel, statusLabel } from '$lib/labels';
import type { Lang } from '$lib/i18n';
import type { Recommendation } from '$lib/recommend/types';
import type { AgencyRegionRow, AgencyRow } from '../queries/agencies';
import type { ComplaintListRow } from '../queries/complaints';
import type { CategoryCount } from '../queries/overview';
import type { RegionRow } from '../queries/regions';
import type { HeatmapCell, SpikeRow, TopicRow } from '../queries/topics';
import type { TrendRow } from '../queries/trends';
import { column, type Column, type Table } from './table';

const rank = <R>(): Column<R> => column<R>('rank', 'int', (_, i) => i + 1);
const opd = (v: string, lang: Lang) => opdLabel(lang, v);

/** The deadline columns /instansi and /instansi/[type] share. */
function agencyMetrics<R extends AgencyRow>(): Column<R>[] {
	return [
		column<R>('complaints', 'int', (r) => r.n),
		column<R>('response_median_days', 'float', (r) => r.response_median),
		column<R>('response_p90_days', 'float', (r) => r.response_p90),
		column<R>('close_median_days', 'float', (r) => r.close_median),
		column<R>('verification_due', 'int', (r) => r.due3),
		column<R>('verification_breach_pct', 'pct', (r) => r.breach3Rate),
		column<R>('followup_due', 'int', (r) => r.due5),
		column<R>('followup_breach_pct', 'pct', (r) => r.breach5Rate),
		column<R>('older_than_60d', 'int', (r) => r.old60),
		column<R>('unresolved_60d_pct', 'pct', (r) => r.unresolved60Rate)
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
		column('scope_level', 'category', (r) => r.rec.scope.level),
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
	level: 'province' | 'regency';
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

export interface RegionLine extends RegionRow {
	level: 'regency' | 'province';
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
		column('complaints', 'int', (r) => r.n),
		column('per_100k', 'float', (r) => r.per100k),
		column('follow_up_pct', 'pct', (r) => r.followUpRate),
		column('verification_3wd_pct', 'pct', (r) => r.comply3),
		column('followup_5wd_pct', 'pct', (r) => r.comply5),
		column('rank_in_province', 'int', (r) => (r.level === 'regency' ? r.province_rank : null)),
		column('population_quartile', 'int', (r) => r.band)
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
	regionTable
] as const;
