import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parseSearch, SEARCH_MAX_CHARS, SEARCH_WHERE, searchParams } from './search';

const terms = (q: string | null) => {
	const r = parseSearch(q);
	if (!r.ok) throw new Error(r.problem);
	return r.terms;
};

describe('search terms', () => {
	it('splits words, keeps quoted phrases, lower-cases and drops edge punctuation and repeats', () => {
		expect(terms(null)).toEqual([]);
		expect(terms('   ')).toEqual([]);
		expect(terms('Banjir  di, "Jalan Ahmad  Yani" (PDAM) banjir')).toEqual(['banjir', 'di', 'jalan ahmad yani', 'pdam']);
		expect(terms('e-KTP RT.03')).toEqual(['e-ktp', 'rt.03']);
		expect(terms('ＰＤＡＭ\u0000air')).toEqual(['pdam', 'air']);
		expect(terms('" " , ;')).toEqual([]);
	});

	it('refuses more than five words or an over-long query', () => {
		expect(parseSearch('a b c d e')).toMatchObject({ ok: true });
		expect(parseSearch('a b c d e f')).toEqual({ ok: false, problem: 'too_many' });
		expect(parseSearch('x'.repeat(SEARCH_MAX_CHARS + 1))).toEqual({ ok: false, problem: 'too_long' });
	});

	it('binds each term to its slot, NULL for the rest', () => {
		expect(searchParams(['air', 'pdam'])).toEqual({ q1: 'air', q2: 'pdam', q3: null, q4: null, q5: null });
	});
});

describe('SEARCH_WHERE', () => {
	it('matches every term in title or body, any case, never a confidential complaint, and SQL text only as a value', async () => {
		const inst = await DuckDBInstance.create(':memory:');
		const conn = await inst.connect();
		try {
			await conn.run(`CREATE TABLE complaints AS SELECT * FROM (VALUES
				(1, 'Air PDAM mati', 'sudah tiga hari', false),
				(2, 'Jalan rusak', 'air menggenang, pdam tidak datang', false),
				(3, 'Rahasia', 'air pdam dan pungli', true),
				(4, NULL, 'PUNGLI di kelurahan', false),
				(5, 'x'' OR 1=1 --', NULL, false)
			) t(id, title, body, is_confidential)`);
			const ids = async (q: string) => {
				const r = await conn.runAndReadAll(
					`SELECT id FROM complaints WHERE ${SEARCH_WHERE} ORDER BY id`,
					searchParams(terms(q)) as Record<string, string>
				);
				return r.getRows().map((row) => Number(row[0]));
			};
			expect(await ids('')).toEqual([1, 2, 3, 4, 5]);
			expect(await ids('pdam air')).toEqual([1, 2]);
			expect(await ids('PUNGLI')).toEqual([4]);
			expect(await ids('"pdam tidak"')).toEqual([2]);
			expect(await ids("' OR 1=1 --")).toEqual([5]);
			expect(await ids('tidak-ada-di-mana-pun')).toEqual([]);
		} finally {
			conn.closeSync();
			inst.closeSync();
		}
	});
});
