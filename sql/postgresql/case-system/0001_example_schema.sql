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
    fodd        DATE    NULL,
    kon         TEXT    NULL,
    skyddad     BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE cs_beslut (
    beslut_id        TEXT    NOT NULL,
    person_id        TEXT    NULL,
    insats_kod       TEXT    NULL,
    beslut_datum     DATE    NULL,
    verkst_datum     DATE    NULL,
    avbrott_datum    DATE    NULL,
    ater_datum       DATE    NULL,
    avslut_datum     DATE    NULL,
    avslut_orsak     TEXT    NULL,
    erbjuden_datum   DATE    NULL,
    tackat_nej       BOOLEAN NULL,
    enhet            TEXT    NULL,
    kommentar        TEXT    NULL,
    namnd            TEXT    NOT NULL DEFAULT 'socialnamnden'
);

-- The indexes the candidate query needs on a large case system (README "Performance").
CREATE INDEX ix_cs_beslut_beslut ON cs_beslut (beslut_datum, verkst_datum, avslut_datum);
CREATE INDEX ix_cs_beslut_avbrott ON cs_beslut (avbrott_datum, ater_datum);
CREATE INDEX ix_cs_beslut_id ON cs_beslut (beslut_id);
CREATE INDEX ix_cs_beslut_namnd ON cs_beslut (namnd, beslut_datum);
