-- An EXAMPLE case system (fictional, shaped like the tables of a real one), used by `ejv demo`, the tests and the benchmark.
-- A municipality does not create these tables: it writes the views in 0002_example_views.sql over its own system.
CREATE TABLE cs_insatstyp (
    kod     NVARCHAR(100) NOT NULL PRIMARY KEY,
    namn    NVARCHAR(200) NOT NULL,
    lag     NVARCHAR(200) NOT NULL,
    lagrum  NVARCHAR(200) NOT NULL
);

CREATE TABLE cs_person (
    person_id   NVARCHAR(100) NOT NULL PRIMARY KEY,
    fodd        DATE    NULL,
    kon         NVARCHAR(400) NULL,
    skyddad     BIT NOT NULL DEFAULT 0
);

CREATE TABLE cs_beslut (
    beslut_id        NVARCHAR(100) NOT NULL,
    person_id        NVARCHAR(400) NULL,
    insats_kod       NVARCHAR(400) NULL,
    beslut_datum     DATE    NULL,
    verkst_datum     DATE    NULL,
    avbrott_datum    DATE    NULL,
    ater_datum       DATE    NULL,
    avslut_datum     DATE    NULL,
    avslut_orsak     NVARCHAR(400) NULL,
    erbjuden_datum   DATE    NULL,
    tackat_nej       BIT NULL,
    enhet            NVARCHAR(400) NULL,
    kommentar        NVARCHAR(MAX) NULL,
    namnd            NVARCHAR(100) NOT NULL DEFAULT 'socialnamnden'
);

-- The indexes the candidate query needs on a large case system (README "Performance").
CREATE INDEX ix_cs_beslut_beslut ON cs_beslut (beslut_datum, verkst_datum, avslut_datum);
CREATE INDEX ix_cs_beslut_avbrott ON cs_beslut (avbrott_datum, ater_datum);
CREATE INDEX ix_cs_beslut_id ON cs_beslut (beslut_id);
CREATE INDEX ix_cs_beslut_namnd ON cs_beslut (namnd, beslut_datum);
