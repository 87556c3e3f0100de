// SQL macros shared by the reference loader and the ETL, so a spelling is reduced the same
// way when the alias table is built and when an export is matched against it.
export const REGION_MACROS = `
CREATE OR REPLACE TEMP MACRO norm_region(s) AS trim(regexp_replace(
	regexp_replace(
		regexp_replace(
			regexp_replace(
				regexp_replace(lower(strip_accents(s)), '[^a-z0-9]+', ' ', 'g'),
				'^ *(kabupaten|kab)( administrasi| adm)? ', 'kabupaten '),
			'^ *(kota|kodya|kotamadya|kotamadia|pemkot|kot)( administrasi| adm)? ', 'kota '),
		'^ *(provinsi|propinsi|prov|pemprov) ', 'provinsi '),
	' +', ' ', 'g'));
CREATE OR REPLACE TEMP MACRO region_code_form(s) AS
	CASE WHEN regexp_full_match(trim(s), '[0-9]{2}([. ]?[0-9]{2})?') THEN
		CASE WHEN length(regexp_replace(trim(s), '[^0-9]', '', 'g')) = 4
		     THEN substr(regexp_replace(trim(s), '[^0-9]', '', 'g'), 1, 2) || '.' || substr(regexp_replace(trim(s), '[^0-9]', '', 'g'), 3, 2)
		     ELSE trim(s) END
	END;
`;
