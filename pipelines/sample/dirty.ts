// Deliberately broken rows for the --dirty option: the faults an ETL meets in real exports.

import type { Rng } from './rng';

export const DIRTY_KINDS = ['bad_date', 'unknown_region', 'empty_id', 'ambiguous_region', 'duplicate_id', 'unknown_status'] as const;
export type DirtyKind = (typeof DIRTY_KINDS)[number];

const BAD_DATES = [
	'31/02/2021 25:61',
	'2021-13-45 10:00:00',
	'kemarin 14:02',
	'00-00-0000 00:00:00',
	'2022-02-30 08:15:00',
	'#VALUE!',
	'Senin, 7 jam yang lalu',
	'45123.5'
];
const UNKNOWN_REGIONS = ['Kabupaten Antah Berantah', 'Kota Atlantis', 'Kab. Negeri Dongeng', 'Kabupaten Tidak Diketahui', 'Kota Wakanda'];
// None of these matches a status rule in pipelines/ingest/rules.json.
export const UNKNOWN_STATUSES = ['Dikembalikan ke Admin', 'Menunggu Konfirmasi', 'Eskalasi Ombudsman', '#N/A', 'Status 7', 'Sedang Dikaji'];

/** The columns a fault can touch. */
export interface Breakable {
	'ID Tracking': string;
	'Tanggal Laporan': string;
	Lokasi: string;
	'Kode Wilayah': string;
	Status: string;
}

export interface DirtyContext {
	/** Ids already written, most recent last (a short window is enough for duplicates). */
	recentIds: readonly string[];
	/** The row's own bare region name when it is ambiguous ('Tangerang'), else null. */
	ownAmbiguous: string | null;
	ambiguousNames: readonly string[];
}

export function breakRow(row: Breakable, rng: Rng, c: DirtyContext): DirtyKind {
	let kind = rng.pick(DIRTY_KINDS);
	if (kind === 'duplicate_id' && c.recentIds.length === 0) kind = 'empty_id';
	switch (kind) {
		case 'bad_date':
			row['Tanggal Laporan'] = rng.pick(BAD_DATES);
			break;
		case 'unknown_region':
			row.Lokasi = rng.pick(UNKNOWN_REGIONS);
			row['Kode Wilayah'] = rng.chance(0.5) ? '' : '99.99';
			break;
		case 'empty_id':
			row['ID Tracking'] = '';
			break;
		case 'ambiguous_region':
			row.Lokasi = c.ownAmbiguous ?? rng.pick(c.ambiguousNames);
			row['Kode Wilayah'] = '';
			break;
		case 'duplicate_id':
			row['ID Tracking'] = rng.pick(c.recentIds);
			break;
		case 'unknown_status':
			row.Status = rng.pick(UNKNOWN_STATUSES);
			break;
	}
	return kind;
}
