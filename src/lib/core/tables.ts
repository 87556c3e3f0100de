// Every table the app may read, with how its rows relate to the regions a user may see. The
// scope guard (src/lib/server/auth/scope-guard.ts) reads the tables a query names from DuckDB's
// own parse of it and checks them against this registry: a query over a table not listed here
// is refused for every scoped user, so a new table cannot leak by being forgotten.
//
// - region: rows belong to a province / kab/kota; a scoped user's query must bind $scope.
// - via: rows are complaint data reached through `table` (by tracking_id); likewise $scope.
// - national: rows of every region that no scoped user reads (raw quarantined rows, batches).
// - reference: no complaint data of any region (reference tables, model parameters, stamps).
export type TableScope =
	{ kind: 'region' } | { kind: 'via'; table: string } | { kind: 'national'; why: string } | { kind: 'reference'; why: string };

/** The tables `npm run topics` writes (created in pipelines/topics/store.ts). */
export const TOPIC_TABLES = [
	'topic_clusters',
	'complaint_topics',
	'topic_examples',
	'complaint_themes',
	'topic_fit',
	'topic_terms',
	'topic_spikes'
] as const;

const reference = (why: string): TableScope => ({ kind: 'reference', why });
const viaComplaints: TableScope = { kind: 'via', table: 'complaints' };

export const TABLES: Readonly<Record<string, TableScope>> = {
	complaints: { kind: 'region' },
	monthly_rollup: { kind: 'region' },
	topic_spikes: { kind: 'region' },
	complaint_topics: viaComplaints,
	complaint_themes: viaComplaints,
	topic_examples: viaComplaints,
	quarantine: { kind: 'national', why: 'raw rows of every region, as exported' },
	ingest_batches: { kind: 'national', why: 'files and counts of every region' },
	meta: reference('warehouse stamps'),
	regions: reference('reference data'),
	districts: reference('reference data'),
	region_aliases: reference('reference data'),
	region_targets: reference('published targets'),
	topic_clusters: reference('the topic model: labels and terms of clusters fitted on every region'),
	topic_terms: reference('the topic model: vocabulary and centroids'),
	topic_fit: reference('the topic model: when and how it was fitted'),
	// Made per connection by the server (deadline-facts.server.ts).
	work_calendar: reference('working-day calendar'),
	snapshot: reference('the as-of time of the data'),
	coverage: reference('the regions the sources cover, with their population'),
	batch_fields: { kind: 'national', why: 'the fields each file provides' }
};
