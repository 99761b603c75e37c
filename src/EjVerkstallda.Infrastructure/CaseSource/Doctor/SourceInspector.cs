using System.Data.Common;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>
/// The edge of <c>ejv check-source</c>: reads, read-only, what <see cref="SourceDoctor"/> judges (columns and their types,
/// aggregates, code values, the catalogue, candidate counts, the data-quality list of the last quarter, the indexes). Only
/// counts, beslut ids, insats codes and type names leave it.
/// </summary>
public sealed class SourceInspector(CaseSourceOptions options, KommunTid tid)
{
    public async Task<SourceFacts> InspectAsync(IReadOnlyList<NamndScope> namnder, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(namnder);
        foreach (var relation in new[] { options.BeslutRelation, options.InsatsRelation })
            if (!ViewContract.IsSafeRelationName(relation))
                throw new CaseSourceException($"Ejv:Source: relation name '{relation}' is not a plain identifier (letters, digits, _ and an optional schema.)");
        await using var db = await DoctorDb.OpenAsync(options, ct);
        var (beslutColumns, beslutError) = await ColumnReader.DescribeAsync(db, options.BeslutRelation, ct);
        var (insatsColumns, insatsError) = await ColumnReader.DescribeAsync(db, options.InsatsRelation, ct);
        var facts = new SourceFacts
        {
            BeslutRelation = options.BeslutRelation, InsatsRelation = options.InsatsRelation, Today = today,
            BeslutUnreadable = beslutError, InsatsUnreadable = insatsError,
            BeslutColumns = Contract(beslutColumns, [.. SourceDoctor.BeslutColumns, ViewContract.OptionalNamndColumn]),
            InsatsColumns = Contract(insatsColumns, SourceDoctor.InsatsColumns),
        };
        if (beslutError is null) facts = await ContentsAsync(db, facts, ct);
        if (insatsError is null && facts.InsatsColumns.Count == SourceDoctor.InsatsColumns.Count) facts = await CatalogueAsync(db, facts, ct);
        var hasNamnd = namnder.Any(n => n.Filter is not null);
        facts = facts with { Indexes = beslutError is null ? await new IndexProbe(db, options.BeslutRelation, facts.BeslutColumns).CheckAsync(hasNamnd, ct) : [] };
        if (SourceDoctor.Readable(SourceDoctor.Examine(facts))) facts = await PreviewAsync(facts, namnder, today, ct);
        return facts;
    }

    private static IReadOnlyList<ColumnFact> Contract(IReadOnlyList<ColumnFact> columns, IReadOnlyList<string> names) =>
        columns.Where(c => names.Contains(c.Name)).ToList();

    private async Task<SourceFacts> ContentsAsync(DoctorDb db, SourceFacts facts, CancellationToken ct)
    {
        var pass = await ColumnReader.PassAsync(db, options.BeslutRelation, facts.BeslutColumns, tid, ct);
        var columns = pass.Columns;
        var values = new ValueReader(db, options.BeslutRelation, columns, tid);
        var textDates = new List<TextDateFact>();
        foreach (var c in columns.Where(c => ColumnReader.IsDate(c) && c.Kind == ColumnKind.Text && pass.NotPlainText.GetValueOrDefault(c.Name) > 0))
            textDates.Add(await values.TextDateAsync(c.Name, ct));
        var outside = new List<OutsideValues>();
        foreach (var c in columns.Where(c => ValueRules.CodeColumns.Contains(c.Name) && c.Kind != ColumnKind.Boolean))
            outside.Add(await values.OutsideAsync(c.Name, ct));
        var has = (string name) => columns.Any(c => c.Name == name);
        var (dupCount, dupSample) = has("beslut_id") ? await values.DuplicatesAsync(ct) : (0, []);
        return facts with
        {
            BeslutColumns = columns, Rows = pass.Rows, Stats = pass.Stats, TextDates = textDates, Outside = outside,
            DuplicateIds = dupCount, DuplicateSample = dupSample,
            CodesUsed = has("insats_kod") ? await values.CodesUsedAsync(ct) : [],
            PerYear = columns.Any(c => c.Name == "beslutsdatum" && c.Kind is not (ColumnKind.Number or ColumnKind.Boolean or ColumnKind.Other))
                ? await values.PerYearAsync(ct) : [],
        };
    }

    private async Task<SourceFacts> CatalogueAsync(DoctorDb db, SourceFacts facts, CancellationToken ct)
    {
        var rows = await db.RowsAsync($"SELECT insats_kod, benamning, lag, lagrum FROM {options.InsatsRelation}", null, ct);
        var problems = new List<DataQualityProblem>();
        var katalog = InsatsKatalog.Build(rows.Select(r => new RawInsats(ValueText.Of(r[0]), ValueText.Of(r[1]), ValueText.Of(r[2]), ValueText.Of(r[3]))),
            options.InsatsRelation, problems);
        return facts with { CatalogueCodes = katalog.Keys.Order(StringComparer.Ordinal).ToList(), CatalogueProblems = problems.Select(p => p.Problem).ToList() };
    }

    private async Task<SourceFacts> PreviewAsync(SourceFacts facts, IReadOnlyList<NamndScope> namnder, DateOnly today, CancellationToken ct)
    {
        var readOnly = new CaseSourceOptions
        {
            Provider = options.Provider, BeslutRelation = options.BeslutRelation, InsatsRelation = options.InsatsRelation,
            CommandTimeout = options.CommandTimeout,
            ConnectionString = SourceCatalogSql.ReadOnly(SqlDialect.For(DbProviders.Parse(options.Provider, "Ejv:Source:Provider")), options.ConnectionString),
        };
        var preview = new RunPreview(new CaseSourceReader(readOnly, tid));
        var last = Kvartal.LastCompletedBefore(today);
        try
        {
            var plan = await SqlitePlanAsync(facts, last, ct);
            return facts with
            {
                Candidates = await preview.CandidatesAsync(namnder, last, ct),
                DataQualityQuarter = last.ToString(),
                DataQuality = await preview.DataQualityAsync(namnder, last, ct),
                CandidatePlan = plan,
            };
        }
        catch (CaseSourceException ex) when (ex.InnerException is DbException)
        {
            return facts with { PreviewError = ex.Message };
        }
    }

    private async Task<string?> SqlitePlanAsync(SourceFacts facts, Kvartal quarter, CancellationToken ct)
    {
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase)) return null;
        await using var db = await DoctorDb.OpenAsync(options, ct);
        var text = SourceDoctor.DateColumns.ToHashSet(StringComparer.Ordinal);
        return await new IndexProbe(db, options.BeslutRelation, facts.BeslutColumns).SqliteCandidatePlanAsync(quarter, text, ct);
    }
}
