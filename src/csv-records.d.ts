// `*.csv?records` imports, read at build time (vite.config.ts).
declare module '*.csv?records' {
	const records: import('./lib/core/csv').CsvRecord[];
	export default records;
}
