import { describe, expect, it } from 'vitest';
import { assertScopedSql, withScope } from './context';
import { ALL, scopeOf } from './scope';

describe('the query layer refuses unscoped SQL for scoped users', () => {
	const kab = scopeOf('daerah', '36.03');
	const run = (sql: string, params: Record<string, unknown>) => () => withScope(kab, () => assertScopedSql(sql, params));

	it('passes SQL that binds the user scope, and non-complaint SQL', () => {
		expect(run('SELECT * FROM complaints WHERE ($scope IS NULL OR regency_code = $scope)', { scope: '36.03' })).not.toThrow();
		expect(run(`SELECT count(*) FROM information_schema.tables WHERE table_name IN ('complaint_topics')`, {})).not.toThrow();
		expect(run('SELECT code FROM regions', {})).not.toThrow();
		expect(run('SELECT /* unscoped: the snapshot date */ max(created_at) FROM complaints', {})).not.toThrow();
	});

	it('refuses complaint SQL without $scope, or with another scope bound', () => {
		expect(run('SELECT * FROM complaints', {})).toThrow();
		expect(run('SELECT * FROM topics t JOIN complaint_themes c USING (tracking_id)', {})).toThrow();
		expect(run('SELECT * FROM complaints WHERE regency_code = $scope', { scope: '32.73' })).toThrow();
		expect(run('SELECT * FROM complaints WHERE regency_code = $scope', { scope: null })).toThrow();
	});

	it('lets the national scope (and code outside the server) through', () => {
		expect(() => withScope(ALL, () => assertScopedSql('SELECT * FROM complaints', {}))).not.toThrow();
		expect(() => assertScopedSql('SELECT * FROM complaints', {})).not.toThrow();
	});
});
