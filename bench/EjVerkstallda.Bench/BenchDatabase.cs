using Dapper;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Demo;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace EjVerkstallda.Bench;

/// <summary>Creates the example case system (sql/&lt;provider&gt;/case-system) and fills it fast: one prepared insert (SQLite) or binary COPY (PostgreSQL).</summary>
public static class BenchDatabase
{
    public static Task FillAsync(SqlDialect dialect, string connectionString, Kvartal quarter, long rows, int namnder) =>
        FillAsync(dialect, connectionString, BenchGenerator.Persons(rows), BenchGenerator.Beslut(quarter, rows, namnder, seed: 42));

    public static async Task FillAsync(SqlDialect dialect, string connectionString, IEnumerable<DemoPerson> persons, IEnumerable<DemoBeslut> beslut)
    {
        await using var c = dialect.CreateConnection(connectionString);
        await c.OpenAsync();
        await DemoCaseSystem.CreateSchemaAsync(c, dialect, CancellationToken.None);
        await DemoCaseSystem.InsertAsync(c, dialect, persons, [], CancellationToken.None);
        if (c is NpgsqlConnection pg) await CopyAsync(pg, beslut);
        else await InsertSqliteAsync((SqliteConnection)c, beslut);
        await c.ExecuteAsync(dialect.Provider == DbProvider.Sqlite ? "ANALYZE;" : "ANALYZE cs_beslut", commandTimeout: 3600, commandType: System.Data.CommandType.Text);
    }

    private static async Task InsertSqliteAsync(SqliteConnection c, IEnumerable<DemoBeslut> beslut)
    {
        await c.ExecuteAsync("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        await using var tx = await c.BeginTransactionAsync();
        await using var cmd = c.CreateCommand();
        cmd.Transaction = (SqliteTransaction)tx;
        cmd.CommandText = "INSERT INTO cs_beslut (beslut_id, person_id, insats_kod, beslut_datum, verkst_datum, avbrott_datum, ater_datum, avslut_datum, avslut_orsak, kommentar, enhet, namnd) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)";
        var p = Enumerable.Range(1, 12).Select(i => cmd.Parameters.Add("$" + i, SqliteType.Text)).ToArray();
        foreach (var b in beslut)
        {
            object?[] v = [b.BeslutId, b.PersonId, b.InsatsKod, D(b.BeslutDatum), D(b.VerkstDatum), D(b.AvbrottDatum), D(b.AterDatum), D(b.AvslutDatum), b.AvslutOrsak, b.Kommentar, b.Enhet, b.Namnd];
            for (var i = 0; i < v.Length; i++) p[i].Value = v[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection c, IEnumerable<DemoBeslut> beslut)
    {
        await using (var w = await c.BeginBinaryImportAsync("COPY cs_beslut (beslut_id, person_id, insats_kod, beslut_datum, verkst_datum, avbrott_datum, ater_datum, avslut_datum, avslut_orsak, kommentar, enhet, namnd) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var b in beslut)
            {
                await w.StartRowAsync();
                await w.WriteAsync(b.BeslutId, NpgsqlDbType.Text);
                await w.WriteAsync(b.PersonId, NpgsqlDbType.Text);
                await w.WriteAsync(b.InsatsKod, NpgsqlDbType.Text);
                await WriteDate(w, b.BeslutDatum); await WriteDate(w, b.VerkstDatum); await WriteDate(w, b.AvbrottDatum);
                await WriteDate(w, b.AterDatum); await WriteDate(w, b.AvslutDatum);
                await WriteText(w, b.AvslutOrsak); await WriteText(w, b.Kommentar); await WriteText(w, b.Enhet);
                await w.WriteAsync(b.Namnd, NpgsqlDbType.Text);
            }
            await w.CompleteAsync();
        }
    }

    private static Task WriteDate(NpgsqlBinaryImporter w, DateOnly? d) => d is { } v ? w.WriteAsync(v, NpgsqlDbType.Date) : w.WriteNullAsync();
    private static Task WriteText(NpgsqlBinaryImporter w, string? s) => s is not null ? w.WriteAsync(s, NpgsqlDbType.Text) : w.WriteNullAsync();
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
