using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>
/// What a run would read and list, through the run's own reader (read-only): candidates per quarter (the run's candidate
/// query, counted) and the data-quality problems of the last completed quarter (the validator and the classifier on its
/// candidates; the problems that need the ledger, such as owed closing reports, are not included).
/// </summary>
internal sealed class RunPreview(CaseSourceReader reader)
{
    public const int Quarters = 8;

    public async Task<IReadOnlyList<QuarterCount>> CandidatesAsync(IReadOnlyList<NamndScope> namnder, Kvartal last, CancellationToken ct)
    {
        var counts = new List<QuarterCount>();
        foreach (var n in namnder)
        {
            var q = last;
            for (var i = 0; i < Quarters - 1; i++) q = q.Previous;
            for (; q <= last; q = q.Next)
                counts.Add(new QuarterCount(n.Id, q.ToString(), await reader.CountCandidatesAsync(q, n.Filter, ct)));
        }
        return counts;
    }

    public async Task<IReadOnlyList<ReasonCount>> DataQualityAsync(IReadOnlyList<NamndScope> namnder, Kvartal quarter, CancellationToken ct)
    {
        var problems = new List<DataQualityProblem>();
        var katalog = await reader.ReadKatalogAsync(problems, ct);
        foreach (var n in namnder)
        {
            var raw = new List<RawBeslut>();
            await foreach (var row in reader.ReadCandidatesAsync(quarter, n.Filter, [], ct)) raw.Add(row);
            var validation = new BeslutValidator(katalog).Validate(raw);
            problems.AddRange(validation.Problems);
            problems.AddRange(Classifier.Classify(quarter, validation.Beslut, _ => PriorReport.None).Notes);
        }
        return problems
            .GroupBy(p => DataQualityReasons.Of(p.Problem)?.Code ?? "annat")
            .Select(g => new ReasonCount(g.Key, g.First().Problem, g.Count(),
                g.Select(p => p.BeslutId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(3).ToList()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A configured nämnd as the doctor needs it: its id and its <c>namnd_id</c> filter (null: the whole view).</summary>
public sealed record NamndScope(string Id, string? Filter);
