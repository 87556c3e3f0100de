-- Telaah warehouse schema (DuckDB). Applied by pipelines/warehouse/open.ts on every open;
-- every statement is idempotent so an existing warehouse is left as it is.
-- Reporter identity (name, NIK, phone, e-mail) has no column here on purpose: the ETL
-- keeps at most a salted hash (reporter_hash) whose salt lives outside this file.

CREATE TABLE IF NOT EXISTS meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Provinces and kab/kota (Kemendagri 2025 codes) with Dukcapil 2024 S2 population.
CREATE TABLE IF NOT EXISTS regions (
  code          VARCHAR PRIMARY KEY,   -- '36' (province) or '36.03' (kab/kota)
  level         VARCHAR NOT NULL CHECK (level IN ('province', 'regency')),  -- core/vocab.ts REGION_LEVELS
  kind          VARCHAR NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
  name          VARCHAR NOT NULL,      -- official name, e.g. 'Kabupaten Tangerang'
  short_name    VARCHAR NOT NULL,      -- display name, e.g. 'Kab. Tangerang'
  province_code VARCHAR NOT NULL,
  population    BIGINT,
  area_km2      DOUBLE
);

CREATE TABLE IF NOT EXISTS districts (
  code          VARCHAR PRIMARY KEY,   -- '35.78.01'
  regency_code  VARCHAR NOT NULL,
  name          VARCHAR NOT NULL
);

-- Normalised spelling (norm_region) -> region code; built from the official names plus
-- region_nicknames.csv. code is NULL when the spelling is ambiguous; candidates lists the codes.
CREATE TABLE IF NOT EXISTS region_aliases (
  alias      VARCHAR PRIMARY KEY,
  code       VARCHAR,
  candidates VARCHAR
);

-- Annual reporting targets per region (rencana aksi), e.g. Kab. Tangerang 2023: 3,000.
CREATE TABLE IF NOT EXISTS region_targets (
  region_code VARCHAR NOT NULL,
  year        INTEGER NOT NULL,
  target      INTEGER NOT NULL,
  source      VARCHAR,
  PRIMARY KEY (region_code, year)
);

-- One row per complaint, keyed by tracking id. No PRIMARY KEY index: DuckDB's ART index makes
-- bulk loads of millions of rows slow and memory-hungry; the ETL upserts set-wise and
-- ingest tests assert uniqueness instead.
CREATE TABLE IF NOT EXISTS complaints (
  tracking_id        VARCHAR NOT NULL,
  created_at         TIMESTAMP,           -- WIB wall-clock time as exported
  verified_at        TIMESTAMP,
  dispositioned_at   TIMESTAMP,
  first_response_at  TIMESTAMP,
  closed_at          TIMESTAMP,
  title              VARCHAR,
  body               VARCHAR,             -- phone numbers, NIK and e-mail addresses masked
  category_path      VARCHAR,             -- 'Corona Virus > Bantuan Sosial > BST'
  category_top       VARCHAR,
  classification     VARCHAR CHECK (classification IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
  channel            VARCHAR NOT NULL,    -- web | sms | android | ios | whatsapp | twitter | instagram | facebook | email | tatap_muka | lainnya
  channel_raw        VARCHAR,
  province_code      VARCHAR,
  province_name      VARCHAR,
  regency_code       VARCHAR,             -- NULL: national agency or no location given
  regency_name       VARCHAR,
  district_code      VARCHAR,
  district_name      VARCHAR,             -- kecamatan as written when no code matched
  location_raw       VARCHAR,
  agency_raw         VARCHAR,             -- the agency as written in the export
  agency_name        VARCHAR,             -- canonical name, one per agency and region (pipelines/ingest/agency-names.ts)
  opd_type           VARCHAR NOT NULL,
  status_raw         VARCHAR,
  status             VARCHAR NOT NULL CHECK (status IN ('belum_terverifikasi', 'terverifikasi', 'terdisposisi',
                       'ditindaklanjuti', 'ditanggapi_pelapor', 'selesai', 'ditunda', 'bukan_wewenang', 'arsip', 'dihapus')),
  is_anonymous       BOOLEAN NOT NULL,
  is_confidential    BOOLEAN NOT NULL,
  reporter_hash      VARCHAR,
  extra              JSON,                -- unmapped export columns, kept as written
  content_hash       UBIGINT NOT NULL,
  first_batch_id     INTEGER NOT NULL,
  last_batch_id      INTEGER NOT NULL
);

-- Deadline facts derived from the timestamps when a complaint is stored (deadline-facts.ts):
-- working-day number of the filing date, working days to verification and to the first
-- response, calendar seconds to the first response and to closing (NULL if before filing).
-- Added to older files on open and filled by ensureDeadlineFacts.
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS wd_created INTEGER;
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS verify_wd INTEGER;
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS response_wd INTEGER;
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS response_s INTEGER;
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS close_s INTEGER;

-- Whom the canonical agency answers to, as seen from the complaint's region (vocab.ts AUTHORITIES:
-- pemda, pemprov, kementerian, vertikal, bumn, lainnya; NULL: no agency given). Older files get it
-- when they are next opened for writing (ensureAgencies, meta key 'agency_names').
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS agency_authority VARCHAR;
-- The fields the complaint's file provided, one bit each (src/lib/core/fields.ts); NULL in
-- complaints stored before it was recorded, read as every field.
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS fields INTEGER;
-- Where the problem is, when the source says (a street; a profile's `incident_place`): free text,
-- PII-masked, never the reporter's address.
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS incident_place VARCHAR;

-- Complaint counts per month of filing (created_at = the month start, NULL = unknown date) and
-- area, in slices by `grain` ('area', 'category', 'channel', 'status', 'opd', 'full'; breakdown
-- columns outside a slice are NULL), for the dashboard's count-only queries (see rollup.ts). The
-- ETL rebuilds the months each load touches, in the load's transaction; meta key
-- 'monthly_rollup' stamps it with the snapshot and holiday list its deadline counts are as of.
-- It replaces complaint_monthly (one slice, no deadline counts), rebuilt on the next open.
DROP TABLE IF EXISTS complaint_monthly;
DELETE FROM meta WHERE key = 'complaint_monthly';
CREATE TABLE IF NOT EXISTS monthly_rollup (
  grain                         VARCHAR NOT NULL,
  created_at                    TIMESTAMP,
  province_code                 VARCHAR,
  regency_code                  VARCHAR,
  category_top                  VARCHAR,
  channel                       VARCHAR,
  status                        VARCHAR,
  opd_type                      VARCHAR,
  n                             INTEGER NOT NULL,
  eligible                      INTEGER NOT NULL,
  followed_up                   INTEGER NOT NULL,
  completed                     INTEGER NOT NULL,
  uncategorised                 INTEGER NOT NULL,
  due3                          INTEGER NOT NULL,
  breach3                       INTEGER NOT NULL,
  due5                          INTEGER NOT NULL,
  breach5                       INTEGER NOT NULL,
  old60                         INTEGER NOT NULL,
  unresolved60                  INTEGER NOT NULL,
  open_belum_terverifikasi      INTEGER NOT NULL,
  open_terverifikasi            INTEGER NOT NULL,
  open_terdisposisi             INTEGER NOT NULL,
  open_ditindaklanjuti          INTEGER NOT NULL,
  open_ditanggapi_pelapor       INTEGER NOT NULL,
  open_ditunda                  INTEGER NOT NULL
);
-- Broken down by the fields the complaints' files provided (src/lib/core/fields.ts) in every slice.
ALTER TABLE monthly_rollup ADD COLUMN IF NOT EXISTS fields INTEGER;

-- One row per ingested file.
CREATE TABLE IF NOT EXISTS ingest_batches (
  batch_id      INTEGER PRIMARY KEY,
  run_id        VARCHAR NOT NULL,        -- files ingested by one command share a run (one transaction)
  file_name     VARCHAR NOT NULL,
  file_sha256   VARCHAR NOT NULL,
  file_bytes    BIGINT NOT NULL,
  format        VARCHAR NOT NULL,
  encoding      VARCHAR NOT NULL,
  profile       VARCHAR NOT NULL,
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP NOT NULL,
  rows_read     BIGINT NOT NULL,
  loaded        BIGINT NOT NULL,
  updated       BIGINT NOT NULL,
  duplicate     BIGINT NOT NULL,
  quarantined   BIGINT NOT NULL,
  CHECK (rows_read = loaded + updated + duplicate + quarantined)
);
-- Fingerprint of the rules, aliases and profile the file was read with: the same file under the
-- same configuration is not read again; after a rule or alias change it is.
ALTER TABLE ingest_batches ADD COLUMN IF NOT EXISTS config_sha256 VARCHAR;
-- The regions the file covers (src/lib/core/coverage.ts): 'national' or codes separated by
-- spaces; NULL in files loaded before it was recorded, read as national.
ALTER TABLE ingest_batches ADD COLUMN IF NOT EXISTS coverage VARCHAR;

-- Per file and field (src/lib/core/fields.ts): whether the file provides it (a column or a profile
-- constant) and how many of the complaints it wrote have a value.
CREATE TABLE IF NOT EXISTS batch_fields (
  batch_id  INTEGER NOT NULL,
  field     VARCHAR NOT NULL,
  provided  BOOLEAN NOT NULL,
  filled    BIGINT NOT NULL,
  written   BIGINT NOT NULL
);

-- Rows that were read but not applied, with the reason. raw holds the row as exported,
-- reporter identity columns removed.
CREATE TABLE IF NOT EXISTS quarantine (
  batch_id     INTEGER NOT NULL,
  source_row   BIGINT NOT NULL,          -- 1-based record number in the file (header excluded)
  reason_code  VARCHAR NOT NULL,
  reason       VARCHAR NOT NULL,
  raw          JSON
);
