import { z } from 'zod';
import { queryOne } from '../db';
import { AS_OF_SQL } from './agencies';

/** The latest timestamp in the complaints ('YYYY-MM-DD'): the as-of date of deadline metrics. */
export async function warehouseAsOfEvent(): Promise<string | null> {
	const r = await queryOne(
		`SELECT /* unscoped: the export's snapshot date, no complaint data */ strftime(${AS_OF_SQL}, '%Y-%m-%d') AS d`,
		{},
		z.object({ d: z.string().nullable() })
	);
	return r.d;
}
