-- rawi store, version 3: indexes on the copy columns. Reading a story lists the copies of its
-- members (documents whose duplicate_of / near_duplicate_of names a member), and removing a
-- document clears those columns where they name it; without an index each was a scan of the
-- whole documents table per member (seconds per story page on the full ANT corpus).
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE INDEX documents_near_duplicate_of ON documents(near_duplicate_of);
