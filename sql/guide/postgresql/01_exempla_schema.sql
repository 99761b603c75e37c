-- "Exempla": a MADE-UP case system, invented for this guide. It is not Treserva, Lifecare, Combine, Viva or any real product
-- (we have no access to their schemas). It has the shapes real systems have: CHAR-padded ids, a timestamp for the beslut,
-- a beslut with several parts (delar), history tables for avbrott and erbjudanden, förhandsbesked and domar in the same table.
CREATE TABLE ex_klient (
    klient_nr  CHAR(12) NOT NULL PRIMARY KEY,        -- blank-padded: 'K123        '
    fodd       DATE     NULL,
    kon_kod    CHAR(1)  NULL,                        -- '1' kvinna, '2' man
    sekretess  BOOLEAN  NOT NULL DEFAULT FALSE       -- skyddade personuppgifter
);

CREATE TABLE ex_insatstyp (
    typ_kod  VARCHAR(10)  NOT NULL PRIMARY KEY,
    namn     VARCHAR(100) NOT NULL,
    lagstod  VARCHAR(20)  NOT NULL                   -- 'SOL 4:1', 'SOL 4:1 EB', 'SOL 4:2', 'LSS 9:4' ...
);

CREATE TABLE ex_beslut (
    beslut_nr   CHAR(10)    NOT NULL PRIMARY KEY,
    klient_nr   CHAR(12)    NOT NULL REFERENCES ex_klient (klient_nr),
    beslutstyp  VARCHAR(20) NOT NULL,                -- 'BIFALL', 'DELBIFALL', 'AVSLAG', 'FORHANDSBESKED'
    instans     VARCHAR(10) NOT NULL DEFAULT 'NAMND',-- 'NAMND'; a court's dom: 'FR', 'KR'
    beslut_tid  TIMESTAMP   NOT NULL,                -- day AND time the beslut was signed
    enhet       VARCHAR(40) NULL
);

-- One row per insats the beslut decides on: a beslut of hemtjänst and trygghetslarm has two delar, each verkställd on its own day.
CREATE TABLE ex_beslut_del (
    del_id     CHAR(12)    NOT NULL PRIMARY KEY,
    beslut_nr  CHAR(10)    NOT NULL REFERENCES ex_beslut (beslut_nr),
    typ_kod    VARCHAR(10) NOT NULL,
    bifall     BOOLEAN     NOT NULL                  -- a DELBIFALL grants some delar only
);

CREATE TABLE ex_verkstallighet (del_id CHAR(12) NOT NULL PRIMARY KEY, start_datum DATE NOT NULL);

-- History: every interruption is kept; only the latest counts for the contract.
CREATE TABLE ex_avbrott (
    del_id         CHAR(12) NOT NULL,
    avbrott_datum  DATE     NOT NULL,
    ater_datum     DATE     NULL,
    PRIMARY KEY (del_id, avbrott_datum)
);

CREATE TABLE ex_avslut (del_id CHAR(12) NOT NULL PRIMARY KEY, avslut_datum DATE NOT NULL, orsak_kod VARCHAR(10) NOT NULL);

-- History of offers; the latest counts.
CREATE TABLE ex_erbjudande (
    del_id          CHAR(12)   NOT NULL,
    erbjuden_datum  DATE       NOT NULL,
    svar            VARCHAR(3) NULL,                 -- 'JA', 'NEJ', NULL (no answer yet)
    PRIMARY KEY (del_id, erbjuden_datum)
);

CREATE TABLE ex_drojsmal (del_id CHAR(12) NOT NULL PRIMARY KEY, orsak_text VARCHAR(400) NOT NULL);

-- The indexes the candidate query needs, on the tables the view's columns come from (ejv check-source lists them).
CREATE INDEX ix_ex_beslut_tid ON ex_beslut (beslut_tid);
CREATE INDEX ix_ex_beslut_del_beslut ON ex_beslut_del (beslut_nr);
CREATE INDEX ix_ex_avbrott_datum ON ex_avbrott (avbrott_datum);
