using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.SourceCheck;

namespace EjVerkstallda.Worker.Commands;

/// <summary><c>ejv check-source --json</c>: the same facts and findings as the screen, for scripts.</summary>
public sealed record CheckSourceJson(
    string Provider,
    string BeslutRelation,
    string InsatsRelation,
    string CheckedOn,
    bool Usable,
    long Rows,
    IReadOnlyList<CheckSourceJson.Column> Columns,
    IReadOnlyList<CheckSourceJson.Item> Findings,
    IReadOnlyList<CodeUse> InsatsCodesUsed,
    IReadOnlyList<string> CatalogueCodes,
    IReadOnlyList<YearCount> BeslutPerYear,
    IReadOnlyList<QuarterCount> Candidates,
    string? DataQualityQuarter,
    IReadOnlyList<CheckSourceJson.Reason> DataQuality,
    IReadOnlyList<IndexFact> Indexes,
    string? CandidatePlan,
    string? PreviewError)
{
    public sealed record Column(string Relation, string Name, bool Present, string? Type, string? Kind, long? Nulls, string? Min, string? Max);

    public sealed record Item(string Severity, string Code, string Column, string Message, IReadOnlyList<string> BeslutIds);

    public sealed record Reason(string Code, int Count, string Problem, IReadOnlyList<string> BeslutIds);

    public static CheckSourceJson Of(string provider, SourceFacts f, IReadOnlyList<Finding> findings, bool english)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(findings);
        return new CheckSourceJson(provider, f.BeslutRelation, f.InsatsRelation, f.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            SourceDoctor.Usable(findings), f.Rows, ColumnsOf(f),
            findings.Select(x => new Item(x.Severity == Severity.Fault ? "fault" : "warning", x.Code, x.Column, FindingTexts.Of(x, english), x.SampleIds)).ToList(),
            f.CodesUsed, f.CatalogueCodes, f.PerYear, f.Candidates, f.DataQualityQuarter,
            f.DataQuality.Select(r => new Reason(r.Code, r.Count, english ? r.Problem : DataQualityReasons.Svenska(r.Problem), r.SampleIds)).ToList(),
            f.Indexes, f.CandidatePlan, f.PreviewError);
    }

    private static List<Column> ColumnsOf(SourceFacts f)
    {
        var columns = new List<Column>();
        void Add(string relation, IReadOnlyList<string> names, IReadOnlyList<ColumnFact> present, bool readable)
        {
            if (!readable) return;
            foreach (var name in names)
            {
                var c = present.FirstOrDefault(x => x.Name == name);
                var s = f.Stats.FirstOrDefault(x => x.Name == name && relation == f.BeslutRelation);
                var range = s is not null && SourceDoctor.ShowsRange(name);
                columns.Add(new Column(relation, name, c is not null, c?.TypeName, c?.Kind.ToString().ToLowerInvariant(), s?.Nulls,
                    range ? s!.Min : null, range ? s!.Max : null));
            }
        }
        Add(f.BeslutRelation, SourceDoctor.BeslutColumns, f.BeslutColumns, f.BeslutUnreadable is null);
        Add(f.InsatsRelation, SourceDoctor.InsatsColumns, f.InsatsColumns, f.InsatsUnreadable is null);
        return columns;
    }
}
