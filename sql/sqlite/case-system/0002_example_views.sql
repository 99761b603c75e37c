-- The view contract (README "The view contract") over the example case system.
CREATE VIEW ejv_insats AS
SELECT kod AS insats_kod, namn AS benamning, lag, lagrum FROM cs_insatstyp;

CREATE VIEW ejv_beslut AS
SELECT b.beslut_id,
       b.person_id,
       b.insats_kod,
       b.beslut_datum   AS beslutsdatum,
       b.verkst_datum   AS verkstallighetsdatum,
       b.avbrott_datum  AS avbrottsdatum,
       b.ater_datum     AS aterupptagandedatum,
       b.avslut_datum   AS avslutsdatum,
       b.avslut_orsak   AS avslutsorsak,
       b.erbjuden_datum AS erbjudandedatum,
       b.tackat_nej,
       p.fodd           AS fodelsedatum,
       p.kon,
       p.skyddad        AS skyddad_identitet,
       b.enhet,
       b.kommentar      AS skal,
       b.namnd          AS namnd_id
FROM cs_beslut b
LEFT JOIN cs_person p ON p.person_id = b.person_id;
