import type { MessageKey } from './id';

export const en: Record<MessageKey, string> = {
	'app.name': 'Telaah',
	'app.tagline': 'SP4N-LAPOR! complaint analytics',
	'app.skip': 'Skip to main content',

	'nav.label': 'Main navigation',
	'nav.overview': 'Overview',
	'nav.trends': 'Trends',
	'nav.regions': 'Regions',
	'nav.agencies': 'Agencies',
	'nav.complaints': 'Complaints',

	'lang.switch': 'Bahasa Indonesia',
	'lang.switchLabel': 'Ganti ke Bahasa Indonesia',

	'footer.asOf': 'Data as of {date}',
	'footer.asOfUnknown': 'No data loaded yet',
	'footer.regions': 'Data wilayah: idn-area-data (ODbL), cahyadsn/wilayah (MIT)',
	'footer.note': 'Figures are indicative, not official ratings by KemenPAN-RB, Kemendagri or the Ombudsman.',

	'overview.title': 'Overview',
	'overview.lead': 'An overview of the complaints filed through SP4N-LAPOR! held in the Telaah warehouse.',
	'overview.periodAll': 'All time',
	'overview.periodRange': '{from} – {to}',
	'overview.periodFrom': 'Since {from}',
	'overview.periodTo': 'Up to {to}',

	'filter.legend': 'Period',
	'filter.from': 'From month',
	'filter.to': 'To month',
	'filter.apply': 'Apply',
	'filter.reset': 'All time',

	'kpi.heading': 'Key figures',
	'kpi.total': 'Total complaints',
	'kpi.totalNote': 'Every complaint recorded in this period.',
	'kpi.per100k': 'Complaints per 100k people',
	'kpi.per100kNote': 'Against a population of {population} (Dukcapil, second half of 2024).',
	'kpi.followUp': 'Follow-up rate',
	'kpi.followUpNote': 'Complaints an agency has followed up, excluding deleted and archived ones.',
	'kpi.completion': 'Completion rate',
	'kpi.completionNote': 'Complaints closed as finished, excluding deleted and archived ones.',
	'kpi.medianResponse': 'Median time to first response',
	'kpi.medianResponseNote': 'Calendar days from filing to the first response by an agency.',
	'kpi.days': '{n} days',
	'kpi.na': 'n/a',

	'trend.heading': 'Monthly trend',
	'trend.caption': 'Complaints per month, by the date they were filed.',
	'trend.covid': 'COVID-19 period',
	'trend.covidNote': 'Shaded: the COVID-19 period (March 2020 – January 2021).',
	'trend.yLabel': 'Complaints per month',
	'trend.ariaLabel': 'Bar chart of complaints per month',
	'trend.tableToggle': 'Show the chart data as a table',
	'trend.tableCaption': 'Complaints per month',
	'trend.month': 'Month',
	'trend.count': 'Complaints',

	'categories.heading': 'Top categories',
	'categories.caption': 'The 10 top-level categories with the most complaints',
	'categories.rank': 'No.',
	'categories.category': 'Category',
	'categories.count': 'Complaints',
	'categories.share': 'Share',
	'categories.none': 'No category',
	'categories.download': 'Download CSV',
	'categories.downloadLabel': 'Download the top categories table as CSV',
	'categories.uncategorised': '{n} complaints without a category are not included in this table.',

	'empty.title': 'No complaints yet',
	'empty.body': 'The warehouse holds no complaints yet. Load an SP4N-LAPOR! export file with this command:',
	'empty.period': 'No complaints in the selected period.',

	'error.title': 'Something went wrong',
	'error.badRequest': 'Bad request',
	'error.notFound': 'Page not found',
	'error.warehouse': 'Warehouse unavailable',
	'error.back': 'Back to the overview',

	'period.badFormat': 'Invalid "{param}" parameter: "{value}". Use the format YYYY-MM, e.g. 2020-01.',
	'period.order': 'Invalid period: "from" ({from}) must not be after "to" ({to}).'
};
