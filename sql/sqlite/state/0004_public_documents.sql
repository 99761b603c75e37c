-- The documents of a quarter's latest run, as they were written and checked: the public statistikrapport (.json, .docx)
-- exactly as it passed the anonymity guard, and the confidential IVO underlag (.json) behind `ejv ivo list`. Approval and
-- the final report take them from here, never from the output folder (an export). Replaced with the ledger, in the same
-- transaction, when the quarter is run again; a dry run never writes here.
CREATE TABLE ejv_document (
    namnd_id    TEXT NOT NULL,
    quarter     TEXT NOT NULL,
    name        TEXT NOT NULL,
    content     BLOB NOT NULL,
    sha256      TEXT NOT NULL,
    run_id      INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (namnd_id, quarter, name)
);
