using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>
/// Reads the case system through <c>ejv_beslut</c> and <c>ejv_insats</c>. Only candidates leave the database:
/// rows whose beslut or avbrott is old enough to be late at E and that were not closed before the quarter began,
/// rows the rules cannot read, and rows the ledger still holds open at IVO.
/// </summary>
public sealed class CaseSourceReader(CaseSourceOptions options)
{
    private const int IdBatch = 500;

    /// <summary>Rows whose dates contradict each other are listed when their beslut is at most this many years older than the quarter.</summary>
    public const int InconsistentRowsYears = 2;
    private readonly SqlDialect _dialect = SqlDialect.For(DbProviders.Parse(options.Provider, "Ejv:Source:Provider"));

    public async Task<IReadOnlyDictionary<string, InsatsDefinition>> ReadKatalogAsync(List<DataQualityProblem> problems, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await RequireColumnsAsync(c, options.InsatsRelation, ViewContract.InsatsColumns, ct);
        var rows = await Query(c, $"SELECT insats_kod, benamning, lag, lagrum FROM {options.InsatsRelation}", null, ct);
        var katalog = new Dictionary<string, InsatsDefinition>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var kod = ValueText.Of(r[0])?.Trim();
            var namn = ValueText.Of(r[1])?.Trim();
            var lagText = ValueText.Of(r[2])?.Trim();
            var lagrum = ValueText.Of(r[3])?.Trim();
            if (string.IsNullOrEmpty(kod) || string.IsNullOrEmpty(namn) || !Enum.TryParse<Lag>(lagText, ignoreCase: true, out var lag)
                || lagrum is null || !LagrumCodes.IsValid(lag, lagrum) || katalog.ContainsKey(kod))
            {
                problems.Add(new DataQualityProblem(null, $"{options.InsatsRelation}: a row has a missing, unknown or duplicate insats_kod, benamning, lag or lagrum; its code is treated as unknown", Excluded: false));
                if (kod is not null) katalog.Remove(kod);
                continue;
            }
            katalog[kod] = new InsatsDefinition(kod, namn, lag, lagrum);
        }
        return katalog;
    }

    /// <summary>The candidates for <paramref name="quarter"/>, streamed, plus the rows of <paramref name="openAtIvo"/> not already among them.</summary>
    public async IAsyncEnumerable<RawBeslut> ReadCandidatesAsync(Kvartal quarter, string? namndFilter, IReadOnlyCollection<string> openAtIvo,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var hasNamnd = await RequireColumnsAsync(c, options.BeslutRelation, ViewContract.BeslutColumns, ct);
        if (namndFilter is not null && !hasNamnd)
            throw new CaseSourceException($"{options.BeslutRelation} has no column {ViewContract.OptionalNamndColumn}, but a nämnd is configured with a NamndFilter; add the column to the view or remove the filter");
        var select = SelectList(hasNamnd);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in StreamAsync(c, CandidateSql(select, namndFilter), CandidateArgs(quarter, namndFilter), ct))
        {
            if (row.BeslutId is not null) seen.Add(row.BeslutId);
            yield return row;
        }
        await foreach (var row in ByIdsAsync(c, select, namndFilter, openAtIvo.Where(id => !seen.Contains(id)), ct))
            yield return row;
    }

    /// <summary>The current rows of the given beslut (for the closing-report check between quarters).</summary>
    public async IAsyncEnumerable<RawBeslut> ReadByIdsAsync(string? namndFilter, IEnumerable<string> beslutIds, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var hasNamnd = await RequireColumnsAsync(c, options.BeslutRelation, ViewContract.BeslutColumns, ct);
        await foreach (var row in ByIdsAsync(c, SelectList(hasNamnd), hasNamnd ? namndFilter : null, beslutIds, ct))
            yield return row;
    }

    private async IAsyncEnumerable<RawBeslut> ByIdsAsync(DbConnection c, string select, string? namndFilter, IEnumerable<string> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in ids.Chunk(IdBatch))
        {
            var byId = new DynamicParameters();
            byId.Add("ids", batch);
            if (namndFilter is not null) byId.Add("namnd", namndFilter);
            await foreach (var row in StreamAsync(c, $"SELECT {select} FROM {options.BeslutRelation} WHERE {NamndPredicate(namndFilter)}{_dialect.InList("beslut_id", "ids")}", byId, ct))
                yield return row;
        }
    }

    /// <summary>
    /// The bare database cost of the candidate filter: the same WHERE clause, counted by the database alone.
    /// Used by the benchmark to compare a whole run with the query it cannot avoid.
    /// </summary>
    public async Task<long> CountCandidatesAsync(Kvartal quarter, string? namndFilter, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(CandidateSql("COUNT(*)", namndFilter), CandidateArgs(quarter, namndFilter),
            commandTimeout: (int)options.CommandTimeout.TotalSeconds, cancellationToken: ct));
    }

    /// <summary>
    /// The bare cost of the candidate query with its rows: the run's own SELECT (columns, view, WHERE clause), every row read
    /// off the connection and dropped, nothing mapped or kept. The benchmark's like-for-like base for a run.
    /// </summary>
    public async Task<long> DrainCandidatesAsync(Kvartal quarter, string? namndFilter, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var hasNamnd = await RequireColumnsAsync(c, options.BeslutRelation, ViewContract.BeslutColumns, ct);
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(CandidateSql(SelectList(hasNamnd), namndFilter), CandidateArgs(quarter, namndFilter),
            commandTimeout: (int)options.CommandTimeout.TotalSeconds, cancellationToken: ct));
        long rows = 0;
        while (await reader.ReadAsync(ct)) rows++;
        return rows;
    }

    private DynamicParameters CandidateArgs(Kvartal quarter, string? namndFilter)
    {
        var args = new DynamicParameters();
        args.Add("cutoff", _dialect.Date(Frist.LatestStartReportableAt(quarter.ReportingDay)));
        args.Add("s", _dialect.Date(quarter.FirstDay));
        args.Add("dqFrom", _dialect.Date(quarter.FirstDay.AddYears(-InconsistentRowsYears)));
        args.Add("latest", _dialect.Date(BeslutValidator.LatestPlausible));
        if (namndFilter is not null) args.Add("namnd", namndFilter);
        return args;
    }

    /// <summary>The one candidate query: the run reads it, the benchmark counts it and drains it.</summary>
    private string CandidateSql(string select, string? namndFilter) =>
        $"SELECT {select} FROM {options.BeslutRelation} WHERE {NamndPredicate(namndFilter)}({CandidatePredicate()})";

    private static string NamndPredicate(string? namndFilter) => namndFilter is null ? "" : "namnd_id = @namnd AND ";

    private string CandidatePredicate()
    {
        var malformed = string.Join(" OR ", ViewContract.DateColumns.Select(_dialect.MalformedDate));
        return $"""
            (beslutsdatum <= @cutoff AND (verkstallighetsdatum IS NULL OR verkstallighetsdatum >= @s) AND (avslutsdatum IS NULL OR avslutsdatum >= @s))
            OR (avbrottsdatum <= @cutoff AND (aterupptagandedatum IS NULL OR aterupptagandedatum >= @s) AND (avslutsdatum IS NULL OR avslutsdatum >= @s))
            OR beslut_id IS NULL OR beslutsdatum IS NULL OR {malformed}
            OR beslutsdatum > @latest OR avbrottsdatum > @latest
            OR (beslutsdatum >= @dqFrom AND (verkstallighetsdatum < beslutsdatum OR avslutsdatum < beslutsdatum
                OR avbrottsdatum < verkstallighetsdatum OR aterupptagandedatum < avbrottsdatum))
            """;
    }

    private static string SelectList(bool hasNamnd) =>
        string.Join(", ", ViewContract.BeslutColumns) + (hasNamnd ? ", " + ViewContract.OptionalNamndColumn : ", NULL AS namnd_id");

    private async IAsyncEnumerable<RawBeslut> StreamAsync(DbConnection c, string sql, DynamicParameters args, [EnumeratorCancellation] CancellationToken ct)
    {
        DbDataReader reader;
        try
        {
            reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, args, commandTimeout: (int)options.CommandTimeout.TotalSeconds, cancellationToken: ct));
        }
        catch (DbException ex)
        {
            throw new CaseSourceException($"could not query {options.BeslutRelation}: {ex.Message}", ex);
        }
        await using (reader)
        {
            while (await reader.ReadAsync(ct))
            {
                string? V(int i) => ValueText.Of(reader.GetValue(i));
                yield return new RawBeslut
                {
                    BeslutId = V(0), PersonId = V(1), InsatsKod = V(2), Beslutsdatum = V(3), Verkstallighetsdatum = V(4), Avbrottsdatum = V(5),
                    Aterupptagandedatum = V(6), Avslutsdatum = V(7), Avslutsorsak = V(8), Erbjudandedatum = V(9), TackatNej = V(10),
                    Fodelsedatum = V(11), Kon = V(12), SkyddadIdentitet = V(13), Enhet = V(14), Skal = V(15), NamndId = V(16),
                };
            }
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        foreach (var relation in new[] { options.BeslutRelation, options.InsatsRelation })
            if (!ViewContract.IsSafeRelationName(relation))
                throw new CaseSourceException($"Ejv:Source: relation name '{relation}' is not a plain identifier (letters, digits, _ and an optional schema.)");
        var c = _dialect.CreateConnection(options.ConnectionString);
        try
        {
            await c.OpenAsync(ct);
            return c;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            await c.DisposeAsync();
            throw new CaseSourceException($"cannot open the case source ({_dialect.Folder}): {ex.Message}. Check Ejv:Source:ConnectionString", ex);
        }
    }

    /// <summary>Checks the relation's columns; returns whether the optional namnd_id column exists.</summary>
    private async Task<bool> RequireColumnsAsync(DbConnection c, string relation, IReadOnlyList<string> required, CancellationToken ct)
    {
        List<string> present;
        try
        {
            await using var reader = await c.ExecuteReaderAsync(new CommandDefinition($"SELECT * FROM {relation} WHERE 1 = 0", cancellationToken: ct));
            present = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).ToLowerInvariant()).ToList();
        }
        catch (DbException ex)
        {
            throw new CaseSourceException($"the case source has no readable relation {relation} ({ex.Message}); create the view described in README 'The view contract'", ex);
        }
        var missing = required.Where(col => !present.Contains(col)).ToList();
        if (missing.Count > 0)
            throw new CaseSourceException($"{relation} lacks the column(s) {string.Join(", ", missing)}; see README 'The view contract'");
        return present.Contains(ViewContract.OptionalNamndColumn);
    }

    private async Task<List<object?[]>> Query(DbConnection c, string sql, object? args, CancellationToken ct)
    {
        try
        {
            await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, args, cancellationToken: ct));
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values);
            }
            return rows;
        }
        catch (DbException ex)
        {
            throw new CaseSourceException($"could not query the case source: {ex.Message}", ex);
        }
    }
}
