-- "Exempla": a MADE-UP case system, invented for this guide (see ../postgresql/01_exempla_schema.sql and ../README.md).
-- SQL Server cannot run in this project's tests: this script and the views are parsed by Microsoft's T-SQL parser only.
CREATE TABLE ex_klient (
    klient_nr  CHAR(12) NOT NULL PRIMARY KEY,
    fodd       DATE     NULL,
    kon_kod    CHAR(1)  NULL,
    sekretess  BIT      NOT NULL DEFAULT 0
);
GO
CREATE TABLE ex_insatstyp (
    typ_kod  VARCHAR(10)   NOT NULL PRIMARY KEY,
    namn     NVARCHAR(100) NOT NULL,
    lagstod  VARCHAR(20)   NOT NULL
);
GO
CREATE TABLE ex_beslut (
    beslut_nr   CHAR(10)     NOT NULL PRIMARY KEY,
    klient_nr   CHAR(12)     NOT NULL REFERENCES ex_klient (klient_nr),
    beslutstyp  VARCHAR(20)  NOT NULL,
    instans     VARCHAR(10)  NOT NULL DEFAULT 'NAMND',
    beslut_tid  DATETIME2(0) NOT NULL,
    enhet       NVARCHAR(40) NULL
);
GO
CREATE TABLE ex_beslut_del (
    del_id     CHAR(12)    NOT NULL PRIMARY KEY,
    beslut_nr  CHAR(10)    NOT NULL REFERENCES ex_beslut (beslut_nr),
    typ_kod    VARCHAR(10) NOT NULL,
    bifall     BIT         NOT NULL
);
GO
CREATE TABLE ex_verkstallighet (del_id CHAR(12) NOT NULL PRIMARY KEY, start_datum DATE NOT NULL);
GO
CREATE TABLE ex_avbrott (
    del_id         CHAR(12) NOT NULL,
    avbrott_datum  DATE     NOT NULL,
    ater_datum     DATE     NULL,
    CONSTRAINT pk_ex_avbrott PRIMARY KEY (del_id, avbrott_datum)
);
GO
CREATE TABLE ex_avslut (del_id CHAR(12) NOT NULL PRIMARY KEY, avslut_datum DATE NOT NULL, orsak_kod VARCHAR(10) NOT NULL);
GO
CREATE TABLE ex_erbjudande (
    del_id          CHAR(12)   NOT NULL,
    erbjuden_datum  DATE       NOT NULL,
    svar            VARCHAR(3) NULL,
    CONSTRAINT pk_ex_erbjudande PRIMARY KEY (del_id, erbjuden_datum)
);
GO
CREATE TABLE ex_drojsmal (del_id CHAR(12) NOT NULL PRIMARY KEY, orsak_text NVARCHAR(400) NOT NULL);
GO
CREATE INDEX ix_ex_beslut_tid ON ex_beslut (beslut_tid);
CREATE INDEX ix_ex_beslut_del_beslut ON ex_beslut_del (beslut_nr);
CREATE INDEX ix_ex_avbrott_datum ON ex_avbrott (avbrott_datum);
GO
