// The dates of the data, from the data: the as-of date (its latest timestamp), the last complete
// month, and when it was last loaded (shown apart: a load time is not a data date).
import { z } from 'zod';
import { shiftMonth } from '$lib/core/month';
import { queryOne } from '../db';
import { AS_OF_SQL } from './agencies';

/** The latest timestamp in the complaints ('YYYY-MM-DD'): the as-of date of deadline metrics and of "Data per". */
export async function warehouseAsOfEvent(): Promise<string | null> {
	const r = await queryOne(
		`SELECT /* unscoped: the export's snapshot date, no complaint data */ strftime(${AS_OF_SQL}, '%Y-%m-%d') AS d`,
		{},
		z.object({ d: z.string().nullable() })
	);
	return r.d;
}

/** The last complete month of the data: the as-of date's month when that is its last day, else the one before. */
export function completeMonthOf(asOf: string | null): string | null {
	if (!asOf) return null;
	const next = new Date(`${asOf.slice(0, 10)}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.getUTCDate() === 1 ? asOf.slice(0, 7) : shiftMonth(asOf.slice(0, 7), -1);
}

export async function lastCompleteMonth(): Promise<string | null> {
	return completeMonthOf(await warehouseAsOfEvent());
}
