// npx tsx pipelines/geo/cli.ts IN.geojson --out OUT.topo.json [--tolerance DEG] [--min-area DEG2] [--id PROP] [--object NAME]
// Writes the simplified TopoJSON the dashboard's maps read (see simplify.ts and
// data/reference/README.md for the command that built the shipped file).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { simplifyToTopology, type GeoFeature } from '../../src/lib/core/geo-simplify.ts';

const USAGE =
	'usage: npx tsx pipelines/geo/cli.ts IN.geojson --out OUT.topo.json [--tolerance 0.003] [--min-area 0.0004] [--grid 0.0001] [--id code] [--object regions]';

function main(): number {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				out: { type: 'string' },
				tolerance: { type: 'string' },
				'min-area': { type: 'string' },
				grid: { type: 'string' },
				id: { type: 'string' },
				object: { type: 'string' }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const { values, positionals } = parsed;
	const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
	const opts = {
		tolerance: num(values.tolerance, 0.003),
		minArea: num(values['min-area'], 0.0004),
		grid: num(values.grid, 0.0001),
		idProperty: values.id ?? 'code',
		object: values.object ?? 'regions'
	};
	if (
		positionals.length !== 1 ||
		!values.out ||
		![opts.tolerance, opts.minArea, opts.grid].every((n) => Number.isFinite(n) && n >= 0) ||
		opts.grid === 0
	) {
		console.error(USAGE);
		return 2;
	}
	const { features } = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as { features: GeoFeature[] };
	const topo = simplifyToTopology(features, opts);
	const text = JSON.stringify(topo);
	writeFileSync(values.out, text);
	const points = topo.arcs.reduce((s, a) => s + a.length, 0);
	console.log(
		`${features.length} features → ${topo.arcs.length} arcs, ${points} points, ${(text.length / 1024).toFixed(0)} KB: ${values.out}`
	);
	return 0;
}

process.exitCode = main();
