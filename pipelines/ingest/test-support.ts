// Helpers for tests that ingest into real, throw-away warehouse files, and the warehouses the db
// tier's global setup (tests/db-global-setup.ts) builds once per run for every test file.
import { constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { inject } from 'vitest';
import { openWarehouse, type Warehouse } from '../warehouse/open.ts';
import { ingest, type RunSummary } from './load.ts';

export interface Scratch {
	dir: string;
	file(name: string, content: string | Buffer): string;
	cleanup(): void;
}

export function scratchDir(): Scratch {
	const dir = mkdtempSync(join(tmpdir(), 'telaah-test-'));
	return {
		dir,
		file(name, content) {
			const path = join(dir, name);
			writeFileSync(path, content);
			return path;
		},
		cleanup: () => rmSync(dir, { recursive: true, force: true })
	};
}

export const TEST_SALT = 'test-salt';

/** The generated sample the db tier shares: national, 2 % of its rows deliberately broken (most quarantined). */
export const SHARED_SAMPLE = { rows: 6_000, seed: 11, dirty: 0.02, topicsK: 5 } as const;

type SharedWarehouses =
	| {
			setupError: null;
			/** A warehouse with the schema and reference tables and no complaint: copy it (emptyWarehouse), never open it. */
			empty: string;
			/** SHARED_SAMPLE ingested (TEST_SALT) with a topic model fitted: open it READ_ONLY. */
			sample: string;
	  }
	/** Why the global setup failed: every test that asks for a warehouse fails with it. */
	| { setupError: string };

declare module 'vitest' {
	export interface ProvidedContext {
		sharedWarehouses: SharedWarehouses;
	}
}

function shared() {
	const w = inject('sharedWarehouses');
	if (!w) throw new Error('no shared warehouses: they are made by the db tier (vite.config.ts, tests/db-global-setup.ts)');
	if (w.setupError !== null) throw new Error(`the db tier's global setup failed: ${w.setupError}`);
	return w;
}

/** Copies a warehouse file (and its WAL, if one was left) to a path that must not exist yet. */
export function copyWarehouse(from: string, to: string): string {
	mkdirSync(dirname(to), { recursive: true });
	copyFileSync(from, to, constants.COPYFILE_EXCL);
	if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`, constants.COPYFILE_EXCL);
	return to;
}

/**
 * A new warehouse at `path` as openWarehouse() creates it, without the cost: a copy of the run's
 * empty warehouse (creating the schema and reference tables takes 0.5-2 s a file with the load, a copy a few ms).
 */
export const emptyWarehouse = (path: string): string => copyWarehouse(shared().empty, path);

/** The run's shared sample warehouse (SHARED_SAMPLE), for tests that only read it. */
export const sampleWarehouse = (): string => shared().sample;

/** Opens the warehouse, ingests, closes: the way the CLI does it, so file locks are released. */
export async function ingestInto(db: string, files: string[], profile?: string): Promise<RunSummary> {
	const w = await openWarehouse(db);
	try {
		return await ingest(w.conn, files, { salt: TEST_SALT, profile });
	} finally {
		w.close();
	}
}

/** Read-only query of a warehouse file; BIGINTs come back as numbers. */
export async function sql<T = Record<string, unknown>>(db: string, query: string): Promise<T[]> {
	const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	try {
		const rows = (await conn.runAndReadAll(query)).getRowObjectsJS();
		return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}

export async function withWarehouse<T>(db: string, fn: (w: Warehouse) => Promise<T>): Promise<T> {
	const w = await openWarehouse(db);
	try {
		return await fn(w);
	} finally {
		w.close();
	}
}

/** A LAPOR!-style export with the given rows (semicolon-separated like Excel in id-ID). */
const LAPOR_HEADER = [
	'ID Tracking',
	'Tanggal Laporan',
	'Judul Laporan',
	'Isi Laporan',
	'Kategori',
	'Klasifikasi',
	'Sumber',
	'Lokasi',
	'Kode Wilayah',
	'Instansi Tujuan',
	'Status',
	'Anonim',
	'Rahasia',
	'Tanggal Verifikasi',
	'Tanggal Disposisi',
	'Tanggal Tindak Lanjut',
	'Tanggal Selesai',
	'Nama Pelapor',
	'Telepon Pelapor',
	'Email Pelapor'
] as const;
export type LaporRow = Partial<Record<(typeof LAPOR_HEADER)[number] | string, string>>;

export function laporCsv(rows: LaporRow[], opts: { delimiter?: string; extraHeaders?: string[] } = {}): string {
	const d = opts.delimiter ?? ';';
	const headers = [...LAPOR_HEADER, ...(opts.extraHeaders ?? [])];
	const cell = (v: string) => (/["\n\r]|[;,]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	return [headers.join(d), ...rows.map((r) => headers.map((h) => cell(r[h] ?? '')).join(d))].join('\n') + '\n';
}

export const baseRow = (over: LaporRow = {}): LaporRow => ({
	'ID Tracking': '5000001',
	'Tanggal Laporan': '2023-10-16 09:00:00',
	'Judul Laporan': 'Jalan berlubang',
	'Isi Laporan': 'Jalan di depan pasar berlubang besar',
	Kategori: 'Pekerjaan Umum dan Penataan Ruang > Infrastruktur Jalan > Jalan Berlubang',
	Klasifikasi: 'Pengaduan',
	Sumber: 'Website',
	Lokasi: 'Kab. Tangerang',
	'Kode Wilayah': '36.03',
	'Instansi Tujuan': 'Dinas PUPR Kabupaten Tangerang',
	Status: 'Selesai',
	Anonim: 'Tidak',
	Rahasia: 'Tidak',
	'Tanggal Verifikasi': '2023-10-17 09:00:00',
	'Tanggal Disposisi': '2023-10-17 10:00:00',
	'Tanggal Tindak Lanjut': '2023-10-19 09:00:00',
	'Tanggal Selesai': '2023-10-30 09:00:00',
	'Nama Pelapor': 'Siti Contoh',
	'Telepon Pelapor': '081234567890',
	'Email Pelapor': 'siti@example.com',
	...over
});

/** A minimal zip with the given (name, content) entries, deflated; `declare` makes it lie about an entry's size. */
export function zip(entries: [string, Buffer][], declare: (name: string, size: number) => number = (_, size) => size): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = deflateRawSync(content);
		const n = Buffer.from(name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(declare(name, content.length), 22);
		local.writeUInt16LE(n.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(declare(name, content.length), 24);
		central.writeUInt16LE(n.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, n, data);
		centrals.push(central, n);
		offset += 30 + n.length + data.length;
	}
	const cd = Buffer.concat(centrals);
	const eocd = Buffer.alloc(22);
	eocd.writeUInt32LE(0x06054b50, 0);
	eocd.writeUInt16LE(entries.length, 8);
	eocd.writeUInt16LE(entries.length, 10);
	eocd.writeUInt32LE(cd.length, 12);
	eocd.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, eocd]);
}
