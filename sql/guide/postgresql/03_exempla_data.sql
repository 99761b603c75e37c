-- A few made-up rows for "Exempla", to try the views and `ejv check-source` on. No real person is behind any of them.
INSERT INTO ex_insatstyp (typ_kod, namn, lagstod) VALUES
    ('HTJ', 'Hemtjänst', 'SOL 4:1'), ('SABO', 'Särskilt boende', 'SOL 4:1'), ('TRYGG', 'Trygghetslarm', 'SOL 4:1'),
    ('EKB', 'Ekonomiskt bistånd', 'SOL 4:1 EB'), ('KP', 'Kontaktperson', 'LSS 9:4'), ('BMSS', 'Bostad med särskild service', 'LSS 9:9');

INSERT INTO ex_klient (klient_nr, fodd, kon_kod, sekretess) VALUES
    ('K1', '1940-03-01', '1', FALSE), ('K2', '1952-11-20', '2', FALSE), ('K3', '1988-06-07', '1', TRUE), ('K4', '1999-01-30', '2', FALSE);

INSERT INTO ex_beslut (beslut_nr, klient_nr, beslutstyp, instans, beslut_tid, enhet) VALUES
    ('B1', 'K1', 'BIFALL',         'NAMND', '2024-01-10 09:15', 'Hemtjänst norr'),
    ('B2', 'K2', 'DELBIFALL',      'NAMND', '2024-02-05 14:00', 'Hemtjänst söder'),
    ('B3', 'K3', 'BIFALL',         'NAMND', '2024-03-01 10:30', 'LSS-enheten'),
    ('B4', 'K4', 'FORHANDSBESKED', 'NAMND', '2024-03-15 11:00', 'LSS-enheten'),
    ('B5', 'K4', 'BIFALL',         'FR',    '2024-04-02 08:00', 'LSS-enheten'),
    ('B6', 'K1', 'BIFALL',         'NAMND', '2024-05-20 13:45', 'Särskilt boende');

INSERT INTO ex_beslut_del (del_id, beslut_nr, typ_kod, bifall) VALUES
    ('D1', 'B1', 'HTJ', TRUE), ('D2', 'B1', 'TRYGG', TRUE),     -- two delar, verkställda on different days
    ('D3', 'B2', 'HTJ', TRUE), ('D4', 'B2', 'EKB', FALSE),      -- delbifall: D4 was not granted
    ('D5', 'B3', 'KP', TRUE), ('D6', 'B4', 'BMSS', TRUE), ('D7', 'B5', 'BMSS', TRUE), ('D8', 'B6', 'SABO', TRUE);

INSERT INTO ex_verkstallighet (del_id, start_datum) VALUES ('D1', '2024-01-22'), ('D3', '2024-02-12'), ('D5', '2024-07-01');
INSERT INTO ex_avbrott (del_id, avbrott_datum, ater_datum) VALUES ('D3', '2024-03-01', '2024-03-20'), ('D3', '2024-06-10', NULL);
INSERT INTO ex_erbjudande (del_id, erbjuden_datum, svar) VALUES ('D8', '2024-06-15', 'NEJ'), ('D8', '2024-09-01', NULL);
INSERT INTO ex_drojsmal (del_id, orsak_text) VALUES ('D8', 'Ingen ledig plats');
