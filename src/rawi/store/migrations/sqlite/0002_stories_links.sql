-- rawi store, SQLite, version 2: stories and claim links, computed at ingest and stored
-- (rawi.store.story_store, rawi.store.link_store), so that readers do not recompute them.
-- State kept in meta: stories_version, stories_n (articles counted in story_terms),
-- stories_seq (assignments made), links_version.

-- One row per story; shown as s00001 (the id, zero-padded).
CREATE TABLE stories (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER REFERENCES ingest_runs(id)
);

-- The story of each original (neither duplicate nor near-duplicate); copies join their
-- original's story when read. seq: the order of assignment (publication order in a run).
CREATE TABLE story_members (
    doc_num  INTEGER PRIMARY KEY REFERENCES documents(num) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    seq      INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, seq);

-- Document frequencies of the story terms (title and lead) of the assigned articles, so
-- that a later run weighs terms as if it had seen the whole store.
CREATE TABLE story_terms (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Links between attributed claims of different originals (rawi.link.claims.find_links):
-- a is the claim, b the repetition (same), the denial (denies) or the other claim (contradicts).
CREATE TABLE claim_links (
    a_doc_num INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    a_idx     INTEGER NOT NULL,
    b_doc_num INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    b_idx     INTEGER NOT NULL,
    relation  TEXT NOT NULL,            -- same | denies | contradicts
    score     REAL NOT NULL,
    PRIMARY KEY (a_doc_num, a_idx, b_doc_num, b_idx, relation)
) WITHOUT ROWID;
CREATE INDEX claim_links_b ON claim_links(b_doc_num, b_idx);

-- Originals whose claims have been linked (the others wait for the next linking step).
CREATE TABLE linked_docs (
    doc_num INTEGER PRIMARY KEY REFERENCES documents(num) ON DELETE CASCADE
);

-- Claim groups (rawi.link.groups.build_groups): the claims joined by same links, and
-- denied or contradicted claims; group_id is the id that `rawi claim` shows.
CREATE TABLE claim_groups (
    doc_num  INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    group_id TEXT NOT NULL,
    PRIMARY KEY (doc_num, idx)
) WITHOUT ROWID;
CREATE INDEX claim_groups_group ON claim_groups(group_id);

CREATE TABLE claim_group_info (
    group_id      TEXT PRIMARY KEY,
    size          INTEGER NOT NULL,     -- claims in the group
    opposing      INTEGER NOT NULL,     -- distinct denials and contradictions of its claims
    first_doc_num INTEGER NOT NULL,
    first_idx     INTEGER NOT NULL
);
CREATE INDEX claim_group_info_order ON claim_group_info(size DESC, opposing DESC, group_id);

CREATE VIEW story_members_view AS
SELECT sm.story_id, sm.seq, d.id AS doc_id, d.title, o.name AS outlet, d.published
FROM story_members sm
JOIN documents d ON d.num = sm.doc_num
LEFT JOIN outlets o ON o.id = d.outlet_id;

CREATE VIEW claim_links_view AS
SELECT l.relation, l.score, da.id AS a_doc_id, l.a_idx, db.id AS b_doc_id, l.b_idx
FROM claim_links l
JOIN documents da ON da.num = l.a_doc_num
JOIN documents db ON db.num = l.b_doc_num;
