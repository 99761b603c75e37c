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
/// rows the rules cannot read, and rows the ledger still holds open at IVO. Values leave as the text Core judges:
/// ids trimmed (a CHAR(n) id is the same id), dates as the kommun's day (<see cref="CaseDateText"/>, <paramref name="kommunTid"/>).
/// </summary>
public sealed class CaseSourceReader(CaseSourceOptions options, KommunTid kommunTid)
{
    private const int IdBatch = 500;

    private readonly SqlDialect _dialect = SqlDialect.For(DbProviders.Parse(options.Provider, "Ejv:Source:Provider"));
    private readonly KommunTid _tid = kommunTid ?? throw new ArgumentNullException(nameof(kommunTid));

    public async Task<IReadOnlyDictionary<string, InsatsDefinition>> ReadKatalogAsync(List<DataQualityProblem> problems, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await DescribeAsync(c, options.InsatsRelation, ViewContract.InsatsColumns, ct);
        var rows = await Query(c, $"SELECT insats_kod, benamning, lag, lagrum FROM {options.InsatsRelation}", null, ct);
        return InsatsKatalog.Build(rows.Select(r => new RawInsats(ValueText.Of(r[0]), ValueText.Of(r[1]), ValueText.Of(r[2]), ValueText.Of(r[3]))),
            options.InsatsRelation, problems);
    }

    /// <summary>The candidates for <paramref name="quarter"/>, streamed, plus the rows of <paramref name="openAtIvo"/> not already among them.</summary>
    public async IAsyncEnumerable<RawBeslut> ReadCandidatesAsync(Kvartal quarter, string? namndFilter, IReadOnlyCollection<string> openAtIvo,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var shape = await BeslutShapeAsync(c, ct);
        if (namndFilter is not null && !shape.HasNamnd)
            throw new CaseSourceException($"{options.BeslutRelation} has no column {ViewContract.OptionalNamndColumn}, but a nämnd is configured with a NamndFilter; add the column to the view or remove the filter");
        var select = SelectList(shape.HasNamnd);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in StreamAsync(c, CandidateSql(select, namndFilter, shape), CandidateArgs(quarter, namndFilter, shape), ct))
        {
            if (row.BeslutId is not null) seen.Add(row.BeslutId);
            yield return row;
        }
        var owed = openAtIvo.Select(id => id.Trim()).Where(id => id.Length > 0 && !seen.Contains(id)).Distinct(StringComparer.Ordinal);
        await foreach (var row in ByIdsAsync(c, select, namndFilter, owed, ct))
            yield return row;
    }

    /// <summary>The current rows of the given beslut (for the closing-report check between quarters).</summary>
    public async IAsyncEnumerable<RawBeslut> ReadByIdsAsync(string? namndFilter, IEnumerable<string> beslutIds, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var hasNamnd = (await BeslutShapeAsync(c, ct)).HasNamnd;
        var ids = beslutIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);
        await foreach (var row in ByIdsAsync(c, SelectList(hasNamnd), hasNamnd ? namndFilter : null, ids, ct))
            yield return row;
    }

    private async IAsyncEnumerable<RawBeslut> ByIdsAsync(DbConnection c, string select, string? namndFilter, IEnumerable<string> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var idPredicate = _dialect.InList(_dialect.Trim("beslut_id"), "ids"); // ids compared trimmed (CONTRACT section 4)
        foreach (var batch in ids.Chunk(IdBatch))
        {
            var byId = new DynamicParameters();
            byId.Add("ids", batch);
            if (namndFilter is not null) byId.Add("namnd", namndFilter);
            await foreach (var row in StreamAsync(c, $"SELECT {select} FROM {options.BeslutRelation} WHERE {NamndPredicate(namndFilter)}{idPredicate}", byId, ct))
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
        var shape = await BeslutShapeAsync(c, ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(CandidateSql("COUNT(*)", namndFilter, shape), CandidateArgs(quarter, namndFilter, shape),
            commandTimeout: (int)options.CommandTimeout.TotalSeconds, cancellationToken: ct));
    }

    /// <summary>
    /// The bare cost of the candidate query with its rows: the run's own SELECT (columns, view, WHERE clause), every row read
    /// off the connection and dropped, nothing mapped or kept. The benchmark's like-for-like base for a run.
    /// </summary>
    public async Task<long> DrainCandidatesAsync(Kvartal quarter, string? namndFilter, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var shape = await BeslutShapeAsync(c, ct);
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(CandidateSql(SelectList(shape.HasNamnd), namndFilter, shape), CandidateArgs(quarter, namndFilter, shape),
            commandTimeout: (int)options.CommandTimeout.TotalSeconds, cancellationToken: ct));
        long rows = 0;
        while (await reader.ReadAsync(ct)) rows++;
        return rows;
    }

    private DynamicParameters CandidateArgs(Kvartal quarter, string? namndFilter, SourceShape shape)
    {
        var args = Query(shape).Args(quarter);
        if (namndFilter is not null) args.Add("namnd", namndFilter);
        return args;
    }

    /// <summary>The one candidate query: the run reads it, the benchmark counts it and drains it.</summary>
    private string CandidateSql(string select, string? namndFilter, SourceShape shape)
    {
        var predicate = Query(shape).Predicate();
        return $"SELECT {select} FROM {options.BeslutRelation} WHERE {NamndPredicate(namndFilter)}({predicate})";
    }

    private CandidateQuery Query(SourceShape shape) => new(_dialect, shape.TextDateColumns);

    /// <summary>The candidate SQL this reader would send for a view with these text date columns (for the SQL Server parse test).</summary>
    internal static string RenderCandidateSql(SqlDialect dialect, IReadOnlySet<string> textDateColumns, string? namndFilter)
    {
        var select = SelectList(hasNamnd: true);
        var predicate = new CandidateQuery(dialect, textDateColumns).Predicate();
        return $"SELECT {select} FROM ejv_beslut WHERE {NamndPredicate(namndFilter)}({predicate})";
    }

    private static string NamndPredicate(string? namndFilter) => namndFilter is null ? "" : "namnd_id = @namnd AND ";

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
                yield return SourceValues.Row(reader, _tid);
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

    private async Task<SourceShape> BeslutShapeAsync(DbConnection c, CancellationToken ct)
    {
        var columns = await DescribeAsync(c, options.BeslutRelation, ViewContract.BeslutColumns, ct);
        return SourceShape.Of(options.BeslutRelation, columns, _dialect);
    }

    /// <summary>Checks the relation's columns; returns each column's .NET type as the provider reports it.</summary>
    private async Task<IReadOnlyDictionary<string, Type?>> DescribeAsync(DbConnection c, string relation, IReadOnlyList<string> required, CancellationToken ct)
    {
        Dictionary<string, Type?> present;
        try
        {
            await using var reader = await c.ExecuteReaderAsync(new CommandDefinition($"SELECT * FROM {relation} WHERE 1 = 0", cancellationToken: ct));
            present = new Dictionary<string, Type?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                present[reader.GetName(i).ToLowerInvariant()] = _dialect.Provider == DbProvider.Sqlite ? null : reader.GetFieldType(i);
        }
        catch (DbException ex)
        {
            throw new CaseSourceException($"the case source has no readable relation {relation} ({ex.Message}); create the view described in README 'The view contract'", ex);
        }
        var missing = required.Where(col => !present.ContainsKey(col)).ToList();
        if (missing.Count > 0)
            throw new CaseSourceException($"{relation} lacks the column(s) {string.Join(", ", missing)}; see README 'The view contract'");
        return present;
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
