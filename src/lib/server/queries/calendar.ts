// The working-day calendar as a query-time CTE: one row per day 2015–2030 with `wd`, the
// running count of working days (Mon–Fri minus holidays_id.csv) up to and including that day.
// Working days from date a to date b = wd(b) - wd(a), matching workingDaysBetween() in
// $lib/holidays. The holiday list is a constant from the repository, not user input.
import { HOLIDAYS } from '$lib/holidays';

const holidayValues = HOLIDAYS.map((h) => `(DATE '${h.date}')`).join(', ');

/** `cal(d DATE, wd BIGINT)`: put `WITH ${CALENDAR_CTE}, ...` at the start of a query. */
export const CALENDAR_CTE = `hol(d) AS (VALUES ${holidayValues}),
	cal AS (
		SELECT g.d::DATE AS d,
			sum(CASE WHEN isodow(g.d) >= 6 OR g.d::DATE IN (SELECT d FROM hol) THEN 0 ELSE 1 END)
				OVER (ORDER BY g.d ROWS UNBOUNDED PRECEDING) AS wd
		FROM generate_series(TIMESTAMP '2015-01-01', TIMESTAMP '2030-12-31', INTERVAL 1 DAY) g(d)
	)`;
