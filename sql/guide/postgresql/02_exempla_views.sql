-- The view contract (README "The view contract") over the made-up case system "Exempla" (01_exempla_schema.sql).
-- Read sql/guide/README.md first: every choice below is one of the traps it describes.

CREATE VIEW ejv_insats AS
SELECT t.typ_kod AS insats_kod,
       t.namn    AS benamning,
       CASE WHEN t.lagstod LIKE 'SOL%' THEN 'SoL' WHEN t.lagstod LIKE 'LSS%' THEN 'LSS' END AS lag,
       CASE
           WHEN t.lagstod = 'SOL 4:1 EB' THEN 'ekonomiskt_bistand'
           WHEN t.lagstod = 'SOL 4:1'    THEN 'bistand'
           WHEN t.lagstod = 'SOL 4:2'    THEN 'utover'
           WHEN t.lagstod LIKE 'LSS 9:%' THEN '9.' || substr(t.lagstod, 7)
       END AS lagrum
FROM ex_insatstyp t;

CREATE VIEW ejv_beslut AS
SELECT d.del_id                 AS beslut_id,            -- one row per granted del; CHAR-padded ids are trimmed by the product
       b.klient_nr              AS person_id,
       d.typ_kod                AS insats_kod,
       b.beslut_tid             AS beslutsdatum,         -- a timestamp: its calendar date is the day (do not CAST or to_char it)
       v.start_datum            AS verkstallighetsdatum,
       a.avbrott_datum          AS avbrottsdatum,        -- the LATEST interruption only (NOT EXISTS below)
       a.ater_datum             AS aterupptagandedatum,
       s.avslut_datum           AS avslutsdatum,
       CASE WHEN s.del_id IS NULL THEN NULL           -- no avslut: no orsak (an orsak without avslutsdatum is listed)
            WHEN s.orsak_kod = 'ATERK' THEN 'aterkallad' WHEN s.orsak_kod = 'UPPH' THEN 'behov_upphort'
            WHEN s.orsak_kod = 'DOD' THEN 'avliden' WHEN s.orsak_kod = 'FLYTT' THEN 'flyttat' ELSE 'annat'
       END                      AS avslutsorsak,
       e.erbjuden_datum         AS erbjudandedatum,      -- the latest offer
       (e.svar = 'NEJ')         AS tackat_nej,
       k.fodd                   AS fodelsedatum,
       CASE k.kon_kod WHEN '1' THEN 'K' WHEN '2' THEN 'M' END AS kon,
       k.sekretess              AS skyddad_identitet,
       b.enhet,
       r.orsak_text             AS skal
FROM ex_beslut_del d
JOIN ex_beslut b               ON b.beslut_nr = d.beslut_nr
JOIN ex_klient k               ON k.klient_nr = b.klient_nr
LEFT JOIN ex_verkstallighet v  ON v.del_id = d.del_id
LEFT JOIN ex_avslut s          ON s.del_id = d.del_id
LEFT JOIN ex_drojsmal r        ON r.del_id = d.del_id
LEFT JOIN ex_avbrott a         ON a.del_id = d.del_id      -- the latest avbrott: no later one exists. Written as a join
                              AND NOT EXISTS (SELECT 1 FROM ex_avbrott n   -- (not LATERAL/APPLY ... TOP 1), so that an index on
                                              WHERE n.del_id = a.del_id    -- ex_avbrott (avbrott_datum) serves the candidate query
                                                AND n.avbrott_datum > a.avbrott_datum)
LEFT JOIN LATERAL (SELECT y.erbjuden_datum, y.svar FROM ex_erbjudande y
                   WHERE y.del_id = d.del_id ORDER BY y.erbjuden_datum DESC LIMIT 1) e ON TRUE
WHERE b.instans = 'NAMND'                              -- domar left out (README, Known limits)
  AND b.beslutstyp IN ('BIFALL', 'DELBIFALL')          -- gynnande only: no avslag, no förhandsbesked
  AND d.bifall;                                        -- of a delbifall, only the granted delar
