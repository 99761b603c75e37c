-- An EXAMPLE case system (fictional, shaped like the tables of a real one), used by `ejv demo`, the tests and the benchmark.
-- A municipality does not create these tables: it writes the views in 0002_example_views.sql over its own system.
CREATE TABLE cs_insatstyp (
    kod     TEXT NOT NULL PRIMARY KEY,
    namn    TEXT NOT NULL,
    lag     TEXT NOT NULL,
    lagrum  TEXT NOT NULL
);

CREATE TABLE cs_person (
    person_id   TEXT    NOT NULL PRIMARY KEY,
    fodd        TEXT    NULL,
    kon         TEXT    NULL,
    skyddad     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE cs_beslut (
    beslut_id        TEXT    NOT NULL,
    person_id        TEXT    NULL,
    insats_kod       TEXT    NULL,
    beslut_datum     TEXT    NULL,
    verkst_datum     TEXT    NULL,
    avbrott_datum    TEXT    NULL,
    ater_datum       TEXT    NULL,
    avslut_datum     TEXT    NULL,
    avslut_orsak     TEXT    NULL,
    erbjuden_datum   TEXT    NULL,
    tackat_nej       INTEGER NULL,
    enhet            TEXT    NULL,
    kommentar        TEXT    NULL,
    namnd            TEXT    NOT NULL DEFAULT 'socialnamnden'
);

-- The indexes the candidate query needs on a large case system (README "Performance").
CREATE INDEX ix_cs_beslut_beslut ON cs_beslut (beslut_datum, verkst_datum, avslut_datum);
CREATE INDEX ix_cs_beslut_avbrott ON cs_beslut (avbrott_datum, ater_datum);
CREATE INDEX ix_cs_beslut_id ON cs_beslut (beslut_id);
CREATE INDEX ix_cs_beslut_namnd ON cs_beslut (namnd, beslut_datum);
