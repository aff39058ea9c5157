-- rawi store, SQLite, version 1: the corpus, its analyses and the ingest bookkeeping.
-- Offsets (*_start / *_end) are half-open character offsets into documents.text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE ingest_runs (
    id                INTEGER PRIMARY KEY,
    started           TEXT NOT NULL,
    finished          TEXT,
    status            TEXT NOT NULL DEFAULT 'running',  -- running | done | interrupted | failed
    pipeline_version  TEXT NOT NULL,
    paths             TEXT,            -- JSON list of the inputs named on the command line
    files_seen        INTEGER NOT NULL DEFAULT 0,
    files_skipped     INTEGER NOT NULL DEFAULT 0,
    docs_stored       INTEGER NOT NULL DEFAULT 0,
    docs_updated      INTEGER NOT NULL DEFAULT 0,
    docs_unchanged    INTEGER NOT NULL DEFAULT 0,
    docs_duplicate    INTEGER NOT NULL DEFAULT 0,
    docs_near_duplicate INTEGER NOT NULL DEFAULT 0,
    docs_reanalysed   INTEGER NOT NULL DEFAULT 0,
    errors            INTEGER NOT NULL DEFAULT 0
);

-- One row per input file that an ingest finished with, so that an unchanged file is skipped
-- without being read again.
CREATE TABLE source_files (
    path      TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    status    TEXT NOT NULL,           -- ok | error
    n_docs    INTEGER NOT NULL DEFAULT 0,
    run_id    INTEGER REFERENCES ingest_runs(id)
);

CREATE TABLE documents (
    num               INTEGER PRIMARY KEY,   -- internal row number (the FTS rowid)
    id                TEXT NOT NULL UNIQUE,  -- the document id (TREC DOCNO, file stem, …)
    outlet_id         INTEGER REFERENCES outlets(id),
    title             TEXT NOT NULL DEFAULT '',
    url               TEXT,
    published         TEXT,                  -- ISO 8601 as read, with its offset
    published_utc     TEXT,                  -- ISO 8601 in UTC, for range filters
    category          TEXT,
    language          TEXT NOT NULL DEFAULT 'ar',
    abstract          TEXT,
    source_path       TEXT,
    input_format      TEXT,
    encoding          TEXT,
    content_hash      TEXT NOT NULL,         -- blake2b-128 of text
    text              TEXT NOT NULL,         -- title + "\n\n" + body, never modified
    meta              TEXT,                  -- JSON
    duplicate_of      TEXT,                  -- id of the document with the same text
    near_duplicate_of TEXT,                  -- id of the document this one copies (MinHash)
    near_duplicate_score REAL,
    analysed_with     TEXT,                  -- pipeline version; NULL when analysis failed
    run_id            INTEGER REFERENCES ingest_runs(id),
    indexed_with      TEXT                   -- normaliser that built its search-index row
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_published ON documents(published_utc);
CREATE INDEX documents_source_path ON documents(source_path);

-- MinHash signatures (uint32 little-endian) for near-duplicate detection across runs.
CREATE TABLE doc_minhash (
    doc_num INTEGER PRIMARY KEY REFERENCES documents(num) ON DELETE CASCADE,
    sig     BLOB NOT NULL
);

CREATE TABLE boilerplate (
    doc_num INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    reason  TEXT NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
    doc_num INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;

-- One row per distinct entity (by canonical id, else label + normalised text).
CREATE TABLE entities (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    label          TEXT NOT NULL,
    name           TEXT NOT NULL,
    norm           TEXT NOT NULL,         -- normalised name, for filters
    canonical_id   TEXT,
    lat            REAL,
    lon            REAL,
    country        TEXT
);

CREATE TABLE mentions (
    doc_num   INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    label     TEXT NOT NULL,
    text      TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);

-- One row per resolved speaker name; key is the normalised name.
CREATE TABLE speakers (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    source_type TEXT
);

CREATE TABLE attributions (
    doc_num           INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    cue_start         INTEGER NOT NULL,
    cue_end           INTEGER NOT NULL,
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    source_start      INTEGER,
    source_end        INTEGER,
    source_role_start INTEGER,
    source_role_end   INTEGER,
    via_start         INTEGER,
    via_end           INTEGER,
    channel_start     INTEGER,
    channel_end       INTEGER,
    target_start      INTEGER,
    target_end        INTEGER,
    source_resolved   TEXT,
    speaker_id        INTEGER REFERENCES speakers(id),
    source_type       TEXT,
    type              TEXT NOT NULL,
    stance            TEXT NOT NULL,
    nested_in         INTEGER,
    anonymous         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;
CREATE INDEX attributions_speaker ON attributions(speaker_id);
CREATE INDEX attributions_stance ON attributions(stance);

CREATE TABLE dates (
    doc_num     INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    kind        TEXT NOT NULL,
    granularity TEXT,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;

CREATE TABLE numbers (
    doc_num   INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     REAL,
    value_max REAL,
    unit      TEXT,
    approx    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;

CREATE TABLE errors (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER REFERENCES ingest_runs(id),
    path     TEXT,
    doc_id   TEXT,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    created  TEXT NOT NULL
);
CREATE INDEX errors_run ON errors(run_id);

-- Full-text index over the normalised text (rawi.store.textnorm); contentless: the text
-- lives once, in documents.text, and snippets are cut from it at query time.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    body, content='', tokenize='unicode61 remove_diacritics 0'
);

-- Views for reading (Datasette, SQL users). Span texts are cut from the document text.
CREATE VIEW documents_view AS
SELECT d.id AS doc_id, o.name AS outlet, d.title, d.published, d.category, d.url,
       d.source_path, d.input_format, d.encoding, d.duplicate_of, d.near_duplicate_of,
       d.analysed_with, length(d.text) AS chars
FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id;

CREATE VIEW attributions_view AS
SELECT d.id AS doc_id, d.title, o.name AS outlet, d.published, a.idx,
       substr(d.text, a.cue_start + 1, a.cue_end - a.cue_start) AS cue,
       substr(d.text, a.source_start + 1, a.source_end - a.source_start) AS source,
       substr(d.text, a.source_role_start + 1, a.source_role_end - a.source_role_start) AS source_role,
       a.source_resolved, a.source_type,
       substr(d.text, a.via_start + 1, a.via_end - a.via_start) AS via,
       substr(d.text, a.channel_start + 1, a.channel_end - a.channel_start) AS channel,
       substr(d.text, a.content_start + 1, a.content_end - a.content_start) AS content,
       a.type, a.stance,
       substr(d.text, a.target_start + 1, a.target_end - a.target_start) AS target,
       a.nested_in, a.anonymous,
       a.cue_start, a.cue_end, a.source_start, a.source_end, a.source_role_start,
       a.source_role_end, a.via_start, a.via_end, a.channel_start, a.channel_end,
       a.content_start, a.content_end, a.target_start, a.target_end,
       s.key AS speaker_key, d.near_duplicate_of, d.published_utc
FROM attributions a
JOIN documents d ON d.num = a.doc_num
LEFT JOIN outlets o ON o.id = d.outlet_id
LEFT JOIN speakers s ON s.id = a.speaker_id;

-- Speakers with their counts; near-duplicate (syndicated) copies are not counted twice.
CREATE VIEW speakers_view AS
SELECT s.id, s.name, s.key, s.source_type,
       count(*) AS attributions,
       count(DISTINCT a.doc_num) AS documents,
       sum(CASE WHEN a.stance = 'deny' THEN 1 ELSE 0 END) AS denials
FROM speakers s
JOIN attributions a ON a.speaker_id = s.id
JOIN documents d ON d.num = a.doc_num
WHERE d.near_duplicate_of IS NULL AND d.duplicate_of IS NULL
GROUP BY s.id;

CREATE VIEW mentions_view AS
SELECT d.id AS doc_id, d.title, o.name AS outlet, m.idx, m.start, m."end", m.label, m.text,
       e.name AS entity, e.canonical_id, e.country
FROM mentions m
JOIN documents d ON d.num = m.doc_num
LEFT JOIN outlets o ON o.id = d.outlet_id
JOIN entities e ON e.id = m.entity_id;

CREATE VIEW errors_view AS
SELECT e.id, e.run_id, r.started AS run_started, e.path, e.doc_id, e.code, e.message
FROM errors e LEFT JOIN ingest_runs r ON r.id = e.run_id;
