-- The view contract over the made-up case system "Exempla" on SQL Server (parsed by ScriptDom in the tests, never run here).
CREATE VIEW ejv_insats AS
SELECT t.typ_kod AS insats_kod,
       t.namn    AS benamning,
       CASE WHEN t.lagstod LIKE 'SOL%' THEN 'SoL' WHEN t.lagstod LIKE 'LSS%' THEN 'LSS' END AS lag,
       CASE
           WHEN t.lagstod = 'SOL 4:1 EB' THEN 'ekonomiskt_bistand'
           WHEN t.lagstod = 'SOL 4:1'    THEN 'bistand'
           WHEN t.lagstod = 'SOL 4:2'    THEN 'utover'
           WHEN t.lagstod LIKE 'LSS 9:%' THEN '9.' + SUBSTRING(t.lagstod, 7, 2)
       END AS lagrum
FROM ex_insatstyp t;
GO
CREATE VIEW ejv_beslut AS
SELECT d.del_id                 AS beslut_id,
       b.klient_nr              AS person_id,
       d.typ_kod                AS insats_kod,
       b.beslut_tid             AS beslutsdatum,          -- datetime2: its calendar date is the day; do not CONVERT it to text
       v.start_datum            AS verkstallighetsdatum,
       a.avbrott_datum          AS avbrottsdatum,         -- the latest interruption only (NOT EXISTS below)
       a.ater_datum             AS aterupptagandedatum,
       s.avslut_datum           AS avslutsdatum,
       CASE WHEN s.del_id IS NULL THEN NULL
            WHEN s.orsak_kod = 'ATERK' THEN 'aterkallad' WHEN s.orsak_kod = 'UPPH' THEN 'behov_upphort'
            WHEN s.orsak_kod = 'DOD' THEN 'avliden' WHEN s.orsak_kod = 'FLYTT' THEN 'flyttat' ELSE 'annat'
       END                      AS avslutsorsak,
       e.erbjuden_datum         AS erbjudandedatum,
       CASE e.svar WHEN 'NEJ' THEN 1 WHEN 'JA' THEN 0 END AS tackat_nej,
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
OUTER APPLY (SELECT TOP (1) y.erbjuden_datum, y.svar FROM ex_erbjudande y
             WHERE y.del_id = d.del_id ORDER BY y.erbjuden_datum DESC) e
WHERE b.instans = 'NAMND'
  AND b.beslutstyp IN ('BIFALL', 'DELBIFALL')
  AND d.bifall = 1;
GO
