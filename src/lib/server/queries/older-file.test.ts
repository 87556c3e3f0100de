// A warehouse written before complaints had agency_authority still serves every agency query
// (the server opens it read-only and cannot add the column): the authority shows as unknown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyWarehouse } from '../../../../pipelines/ingest/test-support';
import { openWarehouse } from '../../../../pipelines/warehouse/open';
import { closeDb } from '../db';
import { agencyLeague, opdTypeAgencies } from './agencies';
import { areaInfo, recommendInputs } from './recommend-inputs';

const dir = mkdtempSync(join(tmpdir(), 'telaah-older-'));
const db = join(dir, 'w.duckdb');

beforeAll(async () => {
	const w = await openWarehouse(emptyWarehouse(db));
	await w.conn.run(`
		INSERT INTO complaints (tracking_id, created_at, verified_at, first_response_at, status, opd_type, agency_raw, agency_name,
			province_code, regency_code, channel, is_anonymous, is_confidential, content_hash, first_batch_id, last_batch_id)
		VALUES ('1', TIMESTAMP '2020-04-01 09:00:00', TIMESTAMP '2020-04-02 09:00:00', TIMESTAMP '2020-04-20 09:00:00', 'selesai', 'dinsos',
			'Dinsos Kab. Tangerang', 'Dinsos Kab. Tangerang', '36', '36.03', 'web', false, false, 1, 1, 1)`);
	w.close();
	// As an earlier version left the file: no authority column.
	const inst = await DuckDBInstance.create(db);
	const conn = await inst.connect();
	await conn.run(`ALTER TABLE complaints DROP COLUMN agency_authority`);
	conn.closeSync();
	inst.closeSync();
	process.env.TELAAH_DB = db;
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
	rmSync(dir, { recursive: true, force: true });
});

describe('a warehouse without agency authorities', () => {
	it('serves the league, the agency page and the recommendation inputs, authority unknown', async () => {
		expect(await agencyLeague({ region: '36.03' })).toMatchObject([
			{ opd_type: 'dinsos', agency: 'Dinsos Kab. Tangerang', authority: null, n: 1 }
		]);
		expect(await opdTypeAgencies({}, 'dinsos')).toMatchObject([{ agency: 'Dinsos Kab. Tangerang', authority: null }]);
		const inputs = await recommendInputs((await areaInfo({ level: 'regency', code: '36.03' }, 'Nasional'))!, '2020-04');
		expect([...inputs.deadlines].sort((a, b) => Number(a.opdType !== null) - Number(b.opdType !== null))).toEqual([
			{ opdType: null, authority: null, due3: 1, breach3: 0, due5: 1, breach5: 1 },
			{ opdType: 'dinsos', authority: null, due3: 1, breach3: 0, due5: 1, breach5: 1 }
		]);
	});
});
