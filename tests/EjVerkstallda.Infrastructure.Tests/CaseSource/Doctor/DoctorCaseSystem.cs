using Dapper;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource.Doctor;

/// <summary>
/// The example case system (sql/&lt;provider&gt;/case-system) with clean rows that use every catalogue code, and a broken view
/// over the same tables with one planted fault of each kind the view doctor must name.
/// </summary>
public static class DoctorCaseSystem
{
    public const string BrokenBeslut = "ejv_beslut_broken";
    public const string BrokenInsats = "ejv_insats_broken";

    public static async Task CreateAsync(ITestDatabase db)
    {
        await db.CreateAsync();
        await using var c = await db.OpenAsync();
        await DemoCaseSystem.CreateSchemaAsync(c, db.Dialect, CancellationToken.None);
        var persons = new[] { new DemoPerson("P-1", new DateOnly(1950, 5, 17), "K", false), new DemoPerson("P-2", new DateOnly(1961, 2, 3), "M", false) };
        var rows = DemoCatalogue.Insatser.Select((i, n) => new DemoBeslut
        {
            BeslutId = $"G-{n + 1}", PersonId = n % 2 == 0 ? "P-1" : "P-2", InsatsKod = i.Kod,
            BeslutDatum = new DateOnly(2023, 9, 1).AddDays(7 * n),
            VerkstDatum = n % 3 == 0 ? null : new DateOnly(2023, 10, 1).AddDays(7 * n), // every third is still open
        });
        await DemoCaseSystem.InsertAsync(c, db.Dialect, persons, rows, CancellationToken.None);
    }

    /// <summary>
    /// The broken views: <c>enhet</c> missing; beslutsdatum as text DD/MM/YYYY; G-1's kon 'X'; G-2's insats_kod 'ZZZ' (not in the
    /// catalogue); a catalogue row 'GAMMAL' that no beslut uses; and the avbrottsdatum index dropped from the table.
    /// </summary>
    public static async Task BreakAsync(ITestDatabase db)
    {
        await using var c = await db.OpenAsync();
        var ddmmyyyy = db.Dialect.Provider == DbProvider.Sqlite ? "strftime('%d/%m/%Y', b.beslut_datum)" : "to_char(b.beslut_datum, 'DD/MM/YYYY')";
        await c.ExecuteAsync($"""
            CREATE VIEW {BrokenBeslut} AS
            SELECT b.beslut_id, b.person_id,
                   CASE WHEN b.beslut_id = 'G-2' THEN 'ZZZ' ELSE b.insats_kod END AS insats_kod,
                   {ddmmyyyy} AS beslutsdatum,
                   b.verkst_datum AS verkstallighetsdatum, b.avbrott_datum AS avbrottsdatum, b.ater_datum AS aterupptagandedatum,
                   b.avslut_datum AS avslutsdatum, b.avslut_orsak AS avslutsorsak, b.erbjuden_datum AS erbjudandedatum, b.tackat_nej,
                   p.fodd AS fodelsedatum,
                   CASE WHEN b.beslut_id = 'G-1' THEN 'X' ELSE p.kon END AS kon,
                   p.skyddad AS skyddad_identitet, b.kommentar AS skal
            FROM cs_beslut b LEFT JOIN cs_person p ON p.person_id = b.person_id
            """);
        await c.ExecuteAsync($"""
            CREATE VIEW {BrokenInsats} AS
            SELECT kod AS insats_kod, namn AS benamning, lag, lagrum FROM cs_insatstyp
            UNION ALL SELECT 'GAMMAL', 'Gammal insats', 'SoL', 'bistand'
            """);
        await c.ExecuteAsync("DROP INDEX ix_cs_beslut_avbrott");
    }
}
