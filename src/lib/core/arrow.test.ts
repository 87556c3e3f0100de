import { tableFromIPC } from 'apache-arrow';
import { tableFromIPC as flechette } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { arrowBytes, arrowStream, wallClockMs, type ArrowColumn, type Value } from './arrow';

const COLUMNS: ArrowColumn[] = [
	{ key: 'code', kind: 'code' },
	{ key: 'status', kind: 'category' },
	{ key: 'channel', kind: 'category' },
	{ key: 'n', kind: 'int' },
	{ key: 'rate_pct', kind: 'pct', metadata: { unit: 'percent (0-100)' } },
	{ key: 'day', kind: 'date' },
	{ key: 'month', kind: 'month' },
	{ key: 'at', kind: 'timestamp' },
	{ key: 'ok', kind: 'bool' }
];
const ROWS: Value[][] = [
	['36.03', 'selesai', 'web', 3, 12.5, '2020-03-31', '2020-03', '2020-03-31 23:59', true],
	['32.73', null, 'sms', null, null, null, null, null, false],
	['36.03', 'selesai', 'web', 0, 100, '2024-02-29', '2024-02', '2024-02-29 00:00', null]
];

async function* batches(...bs: Value[][][]) {
	for (const b of bs) yield b;
}

describe('Arrow IPC stream', () => {
	it('types each kind and keeps nulls', async () => {
		const t = tableFromIPC(await arrowBytes(COLUMNS, ROWS, { 'telaah.data_version': '7' }));
		expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
			'code:Utf8',
			'status:Dictionary<Int32, Utf8>',
			'channel:Dictionary<Int32, Utf8>',
			'n:Int32',
			'rate_pct:Float64',
			'day:Date32<DAY>',
			'month:Date32<DAY>',
			'at:Timestamp<MILLISECOND>',
			'ok:Bool'
		]);
		expect(t.schema.metadata.get('telaah.data_version')).toBe('7');
		expect(t.schema.fields[4]!.metadata.get('unit')).toBe('percent (0-100)');
		expect(t.toArray().map((r) => Object.values(r.toJSON()))).toEqual([
			['36.03', 'selesai', 'web', 3, 12.5, Date.UTC(2020, 2, 31), Date.UTC(2020, 2, 1), Date.UTC(2020, 2, 31, 23, 59), true],
			['32.73', null, 'sms', null, null, null, null, null, false],
			['36.03', 'selesai', 'web', 0, 100, Date.UTC(2024, 1, 29), Date.UTC(2024, 1, 1), Date.UTC(2024, 1, 29), null]
		]);
	});

	it('gives each category column its own dictionary and grows it with deltas across batches', async () => {
		const cols: ArrowColumn[] = [
			{ key: 'a', kind: 'category' },
			{ key: 'b', kind: 'category' }
		];
		const stream = arrowStream(cols, batches([['x', 'p']], [['y', 'p']], [['x', 'q']]));
		const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
		const want = [
			{ a: 'x', b: 'p' },
			{ a: 'y', b: 'p' },
			{ a: 'x', b: 'q' }
		];
		// Two independent readers: apache-arrow and flechette.
		expect(
			tableFromIPC(bytes)
				.toArray()
				.map((r) => r.toJSON())
		).toEqual(want);
		expect(flechette(bytes).toArray()).toEqual(want);
	});

	it('writes the schema of an empty table', async () => {
		const t = tableFromIPC(await arrowBytes(COLUMNS, []));
		expect(t.numRows).toBe(0);
		expect(t.schema.fields.map((f) => f.name)).toEqual(COLUMNS.map((c) => c.key));
	});

	it('pulls one input batch per read (the source is not drained ahead of the reader)', async () => {
		let pulled = 0;
		async function* source() {
			for (let i = 0; i < 3; i++) {
				pulled++;
				yield Array.from({ length: 20_000 }, (_, j): Value[] => [`${i}.${j}`, 'k', 'c', j, 1, null, null, null, true]);
			}
		}
		const reader = arrowStream(COLUMNS, source()).getReader();
		await reader.read();
		expect(pulled).toBe(1);
		await reader.cancel();
	});

	it('reads wall-clock times as UTC so the written time is the time shown', () => {
		expect(new Date(wallClockMs('2020-03-31 07:05')).toISOString()).toBe('2020-03-31T07:05:00.000Z');
		expect(new Date(wallClockMs('2020-03')).toISOString()).toBe('2020-03-01T00:00:00.000Z');
	});
});
