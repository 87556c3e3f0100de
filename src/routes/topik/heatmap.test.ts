import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { topicHeatmap } from './heatmap';

const L = i18n('id');
const topics = [
	{ clusterId: 3, label: 'jalan · rusak' },
	{ clusterId: 7, label: '<script>alert(1)</script>' }
];
const regions = [
	{ code: '32', name: 'Jawa Barat' },
	{ code: '31', name: 'Daerah Khusus Ibukota Jakarta' }
];
const cells = regions.flatMap((r, i) =>
	topics.map((t, j) => ({ code: r.code, name: r.name, clusterId: t.clusterId, n: 10 * (i + 1) + j, share: (10 * (i + 1) + j) / 50 }))
);

describe('topic heatmap', () => {
	it('draws one cell per topic × region with a tooltip, labels escaped, long names shortened on the axis', () => {
		const svg = topicHeatmap(cells, topics, regions, L, 'Peta panas');
		expect(svg).toContain('aria-label="Peta panas"');
		expect(svg.match(/<title>/g)?.length).toBe(4);
		expect(svg).toContain('jalan · rusak · Jawa Barat: 10 (20,0%)');
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).toContain('Daerah Khusus Ibukota…');
		expect(svg).toContain('Daerah Khusus Ibukota Jakarta: 20');
		// The text alternative quotes a topic label: escaped in the attribute too.
		expect(svg).toContain(
			'aria-description="2 topik × 2 wilayah. Porsi tertinggi: &lt;script&gt;alert(1)&lt;/script&gt; di Daerah Khusus Ibukota Jakarta (42,0%)."'
		);
	});

	it('draws nothing without cells', () => {
		expect(topicHeatmap([], topics, regions, L, 'x')).toBe('');
	});
});
