// One declaration per downloadable table: its columns (a stable snake_case key, a typed kind, a
// label and a definition in the UI languages, and how to read the value from a row). The CSV,
// XLSX and Arrow writers (csv-writer.ts, xlsx-writer.ts, core/arrow.ts) all read the same
// declaration and the same rows, so a download is the same data in three forms. The kinds are
// described in core/arrow.ts.
import { translate, type Lang, type MessageKey } from '$lib/i18n';
import { type ColumnKind, type Value } from '$lib/core/arrow';
import { availability, METRICS, type Measured, type MetricId } from '$lib/core/metrics';
import { SUPPRESSED } from '$lib/core/privacy';

export type { ColumnKind, Value };

/** The column names of the catalogue: every `col.<name>` message (with its `col.<name>.def`) in the dictionaries. */
export type ColumnLabel = { [K in MessageKey]: K extends `col.${infer C}` ? (C extends `${string}.def` ? never : C) : never }[MessageKey];

export interface Column<R> {
	/** CSV header and Arrow field name: snake_case, stable across versions. */
	key: string;
	kind: ColumnKind;
	/** Catalogue entry for the XLSX header and the Keterangan definition: messages `col.<label>` and `col.<label>.def`. */
	label: ColumnLabel;
	value: (row: R, index: number) => Value;
	/** XLSX shows this label instead of the stored value (e.g. an OPD type's name for 'pupr'). */
	display?: (value: string, lang: Lang, row: R) => string;
	/** An int column whose null means a suppressed small cell (core/privacy.ts): "<5" in CSV and XLSX, null in Arrow. */
	suppressed?: boolean;
	/**
	 * Why this row has no figure where one is expected: "tidak tersedia" (no complaint in view has
	 * the fields the figure needs, core/metrics.ts) or "tidak tercakup" (the region is outside the
	 * sources' coverage). CSV and XLSX write the message as text, never 0; Arrow writes null and its
	 * field metadata says so.
	 */
	unavailable?: (row: R) => Unavailable | null;
	/** A timestamp in UTC (a load time), not the WIB wall clock of complaint times. */
	utc?: boolean;
	/** Parameters of the label and definition messages, each a message key translated in the same language. */
	labelParams?: Record<string, MessageKey>;
}

type Unavailable = 'metric.absent' | 'metric.notCovered';

type More<R> = Partial<Omit<Column<R>, 'key' | 'kind' | 'value'>>;

/** A column: its catalogue label is its key, unless `more.label` names another entry. */
export function column<R>(key: ColumnLabel, kind: ColumnKind, value: Column<R>['value'], more?: More<R>): Column<R>;
export function column<R>(key: string, kind: ColumnKind, value: Column<R>['value'], more: More<R> & { label: ColumnLabel }): Column<R>;
export function column<R>(key: string, kind: ColumnKind, value: Column<R>['value'], more: More<R> = {}): Column<R> {
	return { key, kind, label: key as ColumnLabel, value, ...more };
}

const METRIC_KIND = { pct: 'pct', days: 'float', int: 'int' } as const satisfies Record<string, ColumnKind>;

/**
 * A figure of core/metrics.ts: its value in the metric's format (a rate as a percentage, days as
 * a float), and "tidak tersedia" where no complaint in view has the fields it needs.
 */
export function metric<R>(key: ColumnLabel, id: MetricId, get: (row: R) => Measured | null): Column<R>;
export function metric<R>(key: string, id: MetricId, get: (row: R) => Measured | null, more: More<R> & { label: ColumnLabel }): Column<R>;
export function metric<R>(key: string, id: MetricId, get: (row: R) => Measured | null, more: More<R> = {}): Column<R> {
	// A null measure: no figure for this row at all (an empty cell), not one the data lacks.
	return column<R>(key, METRIC_KIND[METRICS[id].format], (r) => get(r)?.value ?? null, {
		label: key as ColumnLabel,
		...more,
		unavailable: (r) => {
			const m = get(r);
			return m && availability(m) === 'absent' ? 'metric.absent' : null;
		}
	});
}

/** A column's header in the UI language (the XLSX header, the Arrow field's label). */
export const columnLabel = <R>(c: Column<R>, lang: Lang) => translate(lang, `col.${c.label}`, params(c, lang));
/** A column's definition in the UI language (the Keterangan sheet). */
export const columnDef = <R>(c: Column<R>, lang: Lang) => translate(lang, `col.${c.label}.def`, params(c, lang));
const params = <R>(c: Column<R>, lang: Lang) =>
	c.labelParams && Object.fromEntries(Object.entries(c.labelParams).map(([k, key]) => [k, translate(lang, key)]));

/**
 * What a cell without a value says in CSV and XLSX: "<5" for a suppressed small count, "tidak
 * tersedia" / "tidak tercakup" for a figure the data cannot give; null for a plain empty cell.
 */
export function missingText<R>(col: Column<R>, row: R, lang: Lang): string | null {
	const why = col.unavailable?.(row);
	if (why) return translate(lang, why);
	return col.suppressed ? SUPPRESSED : null;
}

export interface Table<R> {
	/** File name stem, e.g. 'telaah-wilayah-kabkota'. */
	name: string;
	/** What the table is, for the Keterangan sheet and the Arrow metadata. */
	description: MessageKey;
	columns: readonly Column<R>[];
}

export const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** The percentage a rate is written as in CSV and Arrow: 0.12345 → 12.35. */
const percent = (rate: number) => Math.round(rate * 10_000) / 100;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A cell in the units CSV and Arrow share (floats to 2 decimals, rates as percentages); null for
 * a missing value, an unavailable figure, or a non-finite number. Throws on a value of the wrong kind, so a
 * declaration that reads the wrong field fails in tests, not in a spreadsheet.
 */
export function cellValue<R>(col: Column<R>, row: R, index: number): Value {
	if (col.unavailable?.(row)) return null;
	const v = col.value(row, index);
	if (v === null || v === undefined) return null;
	switch (col.kind) {
		case 'int':
			if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 2 ** 31 - 1) throw badValue(col, v);
			return v;
		case 'float':
		case 'pct':
			if (typeof v !== 'number') throw badValue(col, v);
			if (!Number.isFinite(v)) return null;
			return col.kind === 'pct' ? percent(v) : round2(v);
		case 'bool':
			if (typeof v !== 'boolean') throw badValue(col, v);
			return v;
		case 'date':
			if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw badValue(col, v);
			return v;
		case 'month':
			if (typeof v !== 'string' || !/^\d{4}-\d{2}$/.test(v)) throw badValue(col, v);
			return v;
		case 'timestamp':
			if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(v)) throw badValue(col, v);
			return v.replace('T', ' ');
		default:
			return String(v);
	}
}

const badValue = (col: { key: string; kind: ColumnKind }, v: unknown) =>
	new TypeError(`column ${col.key} (${col.kind}) got ${typeof v} ${JSON.stringify(v)}`);
