using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Infrastructure.Demo;

/// <summary>
/// A believable case system of a fictional kommun: three years of gynnande beslut up to a quarter, mostly verkställda in time,
/// some late, interrupted, declined or closed, a few registered late and a few with data-quality problems. Deterministic per quarter.
/// </summary>
public static class DemoCaseSystem
{
    public const string Namnd = "socialnamnden";

    public static async Task CreateSqliteAsync(string path, Kvartal quarter, int beslutCount, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync(ct);
        await CreateSchemaAsync(c, SqlDialect.For(DbProvider.Sqlite), ct);
        var data = DemoGenerator.Generate(quarter, beslutCount, seed: quarter.Year * 10 + quarter.Number);
        await InsertAsync(c, SqlDialect.For(DbProvider.Sqlite), data.Persons, data.Beslut, ct);
    }

    /// <summary>Creates the example case-system tables and views (sql/&lt;provider&gt;/case-system) on an open connection.</summary>
    public static async Task CreateSchemaAsync(System.Data.Common.DbConnection c, SqlDialect dialect, CancellationToken ct)
    {
        foreach (var script in SqlScripts.List($"{dialect.Folder}/case-system"))
            foreach (var statement in SqlScripts.Statements(SqlScripts.Read(script)))
                await c.ExecuteAsync(new CommandDefinition(statement, cancellationToken: ct));
    }

    /// <summary>Beslut that the case system only received after their deadline had passed (registered late).</summary>
    public static async Task AddLateRegistrationsAsync(string path, Kvartal quarter, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync(ct);
        var late = DemoGenerator.LateRegistrations(quarter);
        await InsertAsync(c, SqlDialect.For(DbProvider.Sqlite), late.Persons, late.Beslut, ct);
    }

    public static async Task InsertAsync(System.Data.Common.DbConnection c, SqlDialect dialect, IEnumerable<DemoPerson> persons, IEnumerable<DemoBeslut> beslut, CancellationToken ct)
    {
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO cs_insatstyp (kod, namn, lag, lagrum) SELECT @Kod, @Benamning, @LagText, @Lagrum WHERE NOT EXISTS (SELECT 1 FROM cs_insatstyp WHERE kod = @Kod)",
            DemoCatalogue.Insatser.Select(i => new { i.Kod, i.Benamning, LagText = i.Lag.ToString(), i.Lagrum }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO cs_person (person_id, fodd, kon, skyddad) VALUES (@PersonId, @Fodd, @Kon, @Skyddad)",
            persons.Select(p => new { p.PersonId, Fodd = Day(dialect, p.Fodd), p.Kon, Skyddad = dialect.Bool(p.Skyddad) }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cs_beslut (beslut_id, person_id, insats_kod, beslut_datum, verkst_datum, avbrott_datum, ater_datum, avslut_datum,
                                   avslut_orsak, erbjuden_datum, tackat_nej, enhet, kommentar, namnd)
            VALUES (@BeslutId, @PersonId, @InsatsKod, @BeslutDatum, @VerkstDatum, @AvbrottDatum, @AterDatum, @AvslutDatum,
                    @AvslutOrsak, @ErbjudenDatum, @TackatNej, @Enhet, @Kommentar, @Namnd)
            """,
            beslut.Select(b => new
            {
                b.BeslutId, b.PersonId, b.InsatsKod, BeslutDatum = b.BeslutDatumText is { } text && dialect.Provider == DbProvider.Sqlite ? text : Day(dialect, b.BeslutDatum),
                VerkstDatum = Day(dialect, b.VerkstDatum), AvbrottDatum = Day(dialect, b.AvbrottDatum), AterDatum = Day(dialect, b.AterDatum),
                AvslutDatum = Day(dialect, b.AvslutDatum), b.AvslutOrsak, ErbjudenDatum = Day(dialect, b.ErbjudenDatum),
                TackatNej = b.TackatNej is { } t ? dialect.Bool(t) : null, b.Enhet, b.Kommentar, b.Namnd,
            }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static object? Day(SqlDialect dialect, DateOnly? d) => d is { } v ? dialect.Date(v) : null;
}

public sealed record DemoPerson(string PersonId, DateOnly? Fodd, string? Kon, bool Skyddad);

public sealed record DemoBeslut
{
    public required string BeslutId { get; init; }
    public required string PersonId { get; init; }
    public required string InsatsKod { get; init; }
    public DateOnly? BeslutDatum { get; init; }

    /// <summary>A malformed beslutsdatum as the case system might hold it (data-quality rows only).</summary>
    public string? BeslutDatumText { get; init; }
    public DateOnly? VerkstDatum { get; init; }
    public DateOnly? AvbrottDatum { get; init; }
    public DateOnly? AterDatum { get; init; }
    public DateOnly? AvslutDatum { get; init; }
    public string? AvslutOrsak { get; init; }
    public DateOnly? ErbjudenDatum { get; init; }
    public bool? TackatNej { get; init; }
    public string? Enhet { get; init; }
    public string? Kommentar { get; init; }
    public string Namnd { get; init; } = DemoCaseSystem.Namnd;
}

public sealed record DemoData(IReadOnlyList<DemoPerson> Persons, IReadOnlyList<DemoBeslut> Beslut);
