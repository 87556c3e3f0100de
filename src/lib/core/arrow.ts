// A table declaration's rows as an Arrow IPC stream (application/vnd.apache.arrow.stream), in
// record batches, with real types: counts Int32, measures Float64, dates date32, timestamps
// timestamp[ms], categories dictionary-encoded (each column its own dictionary, grown by delta
// batches as new values appear), text utf8. Built column by column with makeData: the generic
// vectorFromArray is an order of magnitude slower on strings. Shared by the /api downloads
// (lib/server/export) and the notebooks' build (pipelines/notebooks).
import {
	Bool,
	DateDay,
	Dictionary,
	Field,
	Float64,
	Int32,
	makeData,
	RecordBatch,
	RecordBatchStreamWriter,
	Schema,
	Struct,
	TimestampMillisecond,
	Utf8,
	Vector,
	type Data,
	type DataType
} from 'apache-arrow';

/**
 * What a column holds, and so its Arrow type (and how the other writers type it, see
 * lib/server/export/table.ts):
 * - text: free text (utf8); code: an identifier that looks like a number but is not one
 *   (region codes '36.03'): always text (utf8);
 * - category: a value from a small set (status, channel, OPD type, names that repeat): dictionary-encoded;
 * - int: a count or rank (int32); float: a measure (float64);
 * - pct: a rate, written as a percentage 0..100 (float64; the `_pct` columns);
 * - date 'YYYY-MM-DD' and month 'YYYY-MM' (date32, a month as its first day); timestamp
 *   'YYYY-MM-DD HH:MM' (timestamp[ms], wall-clock time in WIB, no zone); bool.
 */
export type ColumnKind = 'text' | 'code' | 'category' | 'int' | 'float' | 'pct' | 'date' | 'month' | 'timestamp' | 'bool';

export type Value = string | number | boolean | null;

/** Epoch milliseconds of a wall-clock 'YYYY-MM-DD[ HH:MM[:SS]]' or 'YYYY-MM', read as UTC so the wall-clock time is kept. */
export function wallClockMs(v: string): number {
	const [y, m, d, hh, mm, ss] = v.split(/[-: T]/).map(Number);
	return Date.UTC(y!, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, ss ?? 0);
}

/** What the Arrow writer needs of a column: its name and kind. */
export interface ArrowColumn {
	key: string;
	kind: ColumnKind;
	/** Field metadata (e.g. the label, the unit). */
	metadata?: Record<string, string>;
}

const DAY_MS = 86_400_000;
const encoder = new TextEncoder();

function validity(values: readonly Value[]): { nullBitmap?: Uint8Array; nullCount: number } {
	let nullCount = 0;
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	values.forEach((v, i) => {
		if (v === null) nullCount++;
		else bitmap[i >> 3]! |= 1 << (i & 7);
	});
	return nullCount ? { nullBitmap: bitmap, nullCount } : { nullCount: 0 };
}

function utf8Data(values: readonly (string | null)[]): Data<Utf8> {
	const bytes = values.map((v) => (v === null ? new Uint8Array(0) : encoder.encode(v)));
	const valueOffsets = new Int32Array(values.length + 1);
	let end = 0;
	bytes.forEach((b, i) => (valueOffsets[i + 1] = end += b.length));
	const data = new Uint8Array(end);
	let at = 0;
	for (const b of bytes) {
		data.set(b, at);
		at += b.length;
	}
	return makeData({ type: new Utf8(), length: values.length, valueOffsets, data, ...validity(values) });
}

/** One dictionary column's state across record batches: its values so far, as chunks (a new chunk = a delta batch). */
class DictionaryState {
	readonly type: Dictionary<Utf8, Int32>;
	private index = new Map<string, number>();
	private chunks: Data<Utf8>[] = [];
	constructor(id: number) {
		this.type = new Dictionary(new Utf8(), new Int32(), id);
	}
	encode(values: readonly Value[]): Data<Dictionary<Utf8, Int32>> {
		const fresh: string[] = [];
		const codes = new Int32Array(values.length);
		values.forEach((v, i) => {
			if (v === null) return;
			const s = String(v);
			let code = this.index.get(s);
			if (code === undefined) {
				code = this.index.size;
				this.index.set(s, code);
				fresh.push(s);
			}
			codes[i] = code;
		});
		// A first batch always carries a (maybe empty) dictionary; later ones only their new values.
		if (fresh.length || !this.chunks.length) this.chunks = [...this.chunks, utf8Data(fresh)];
		return makeData({ type: this.type, length: values.length, data: codes, dictionary: new Vector(this.chunks), ...validity(values) });
	}
}

const typeOf: Record<Exclude<ColumnKind, 'category'>, () => DataType> = {
	text: () => new Utf8(),
	code: () => new Utf8(),
	int: () => new Int32(),
	float: () => new Float64(),
	pct: () => new Float64(),
	date: () => new DateDay(),
	month: () => new DateDay(),
	timestamp: () => new TimestampMillisecond(),
	bool: () => new Bool()
};

function columnData(kind: ColumnKind, type: DataType, values: readonly Value[]): Data {
	const length = values.length;
	switch (kind) {
		case 'int':
			return makeData({
				type: type as Int32,
				length,
				data: Int32Array.from(values, (v) => (v as number | null) ?? 0),
				...validity(values)
			});
		case 'float':
		case 'pct':
			return makeData({
				type: type as Float64,
				length,
				data: Float64Array.from(values, (v) => (v as number | null) ?? 0),
				...validity(values)
			});
		case 'date':
		case 'month':
			return makeData({
				type: type as DateDay,
				length,
				data: Int32Array.from(values, (v) => (v === null ? 0 : wallClockMs(v as string) / DAY_MS)),
				...validity(values)
			});
		case 'timestamp':
			return makeData({
				type: type as TimestampMillisecond,
				length,
				data: BigInt64Array.from(values, (v) => BigInt(v === null ? 0 : wallClockMs(v as string))),
				...validity(values)
			});
		case 'bool': {
			const data = new Uint8Array((length + 7) >> 3);
			values.forEach((v, i) => {
				if (v === true) data[i >> 3]! |= 1 << (i & 7);
			});
			return makeData({ type: type as Bool, length, data, ...validity(values) });
		}
		default:
			return utf8Data(values.map((v) => (v === null ? null : String(v))));
	}
}

/** Turns batches of cell values (rows × columns, in the columns' order) into record batches of one schema. */
class ArrowBatcher {
	readonly schema: Schema;
	private dictionaries: (DictionaryState | null)[];
	constructor(
		private columns: readonly ArrowColumn[],
		metadata: Record<string, string> = {}
	) {
		this.dictionaries = columns.map((c, i) => (c.kind === 'category' ? new DictionaryState(i) : null));
		const fields = columns.map(
			(c, i) =>
				new Field(
					c.key,
					this.dictionaries[i]?.type ?? typeOf[c.kind as Exclude<ColumnKind, 'category'>](),
					true,
					new Map(Object.entries(c.metadata ?? {}))
				)
		);
		this.schema = new Schema(fields, new Map(Object.entries(metadata)));
	}

	batch(rows: readonly (readonly Value[])[]): RecordBatch {
		const children = this.columns.map((c, j) => {
			const values = rows.map((r) => r[j] ?? null);
			return this.dictionaries[j]?.encode(values) ?? columnData(c.kind, this.schema.fields[j]!.type, values);
		});
		return new RecordBatch(this.schema, makeData({ type: new Struct(this.schema.fields), length: rows.length, children }));
	}
}

/**
 * The stream writer with its output taken as it is produced (instead of from its internal queue),
 * so a ReadableStream can pull one input batch at a time: backpressure reaches the row source.
 */
class PullWriter extends RecordBatchStreamWriter {
	out: Uint8Array[] = [];
	protected override _write(chunk: ArrayBufferView | ArrayBuffer) {
		if (this._started) {
			const bytes = ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : new Uint8Array(chunk);
			if (bytes.byteLength) {
				this.out.push(bytes);
				this._position += bytes.byteLength;
			}
		}
		return this;
	}
	take(): Uint8Array[] {
		const out = this.out;
		this.out = [];
		return out;
	}
}

/** Rows per record batch: big enough to amortise the per-batch message, small enough to stream. */
const ARROW_BATCH_ROWS = 16_384;

/** An Arrow IPC stream of the batches; the schema (and an empty table) even when there are no rows. */
export function arrowStream(
	columns: readonly ArrowColumn[],
	batches: AsyncIterable<readonly (readonly Value[])[]>,
	metadata: Record<string, string> = {}
): ReadableStream<Uint8Array> {
	const batcher = new ArrowBatcher(columns, metadata);
	const writer = new PullWriter();
	const it = rebatch(batches, ARROW_BATCH_ROWS)[Symbol.asyncIterator]();
	let wroteAny = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await it.next();
			if (next.done) {
				if (!wroteAny) writer.write(batcher.batch([]));
				writer.finish();
				for (const b of writer.take()) controller.enqueue(b);
				controller.close();
				return;
			}
			wroteAny = true;
			writer.write(batcher.batch(next.value));
			for (const b of writer.take()) controller.enqueue(b);
		},
		async cancel() {
			await it.return(undefined);
		}
	});
}

/** The whole stream in one buffer (the notebooks' files). */
export async function arrowBytes(
	columns: readonly ArrowColumn[],
	rows: readonly (readonly Value[])[],
	metadata: Record<string, string> = {}
): Promise<Uint8Array> {
	return new Uint8Array(await new Response(arrowStream(columns, once(rows), metadata)).arrayBuffer());
}

async function* once<T>(value: T): AsyncGenerator<T> {
	yield value;
}

/** Regroups batches of any size (DuckDB yields 2,048 rows at a time) into batches of about `size` rows. */
async function* rebatch<T>(batches: AsyncIterable<readonly T[]>, size: number): AsyncGenerator<T[]> {
	let pending: T[] = [];
	for await (const b of batches) {
		for (const row of b) pending.push(row);
		while (pending.length >= size) {
			yield pending.slice(0, size);
			pending = pending.slice(size);
		}
	}
	if (pending.length) yield pending;
}
