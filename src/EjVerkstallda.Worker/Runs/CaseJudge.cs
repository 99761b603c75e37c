using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// The read-and-judge half of a quarterly run: the candidates of a quarter (and the cases IVO still has open) from the case
/// source, validated and classified with Core against what was reported before. Writes nothing: the runner records the
/// result, <c>ejv reconcile</c> only compares it.
/// </summary>
public sealed class CaseJudge(CaseSourceReader source, FaultInjection faults, EjvOptions options)
{
    public async Task<JudgedQuarter> JudgeAsync(NamndOptions namnd, Kvartal quarter, IReadOnlyDictionary<CaseKey, PriorReport> prior,
        DateOnly? asOf, DateOnly? handReportedBefore, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var openAtIvo = prior.Where(p => p.Value.OwesClosingReport).Select(p => p.Key.BeslutId).ToHashSet(StringComparer.Ordinal);
        var problems = new List<DataQualityProblem>();
        var katalog = await source.ReadKatalogAsync(problems, ct);
        await faults.PointAsync(FaultInjection.MidRead, ct);
        var raw = new List<RawBeslut>();
        await foreach (var row in source.ReadCandidatesAsync(quarter, namnd.NamndFilter, openAtIvo, ct)) raw.Add(row);
        var readMs = watch.ElapsedMilliseconds;
        await faults.PointAsync(FaultInjection.AfterRead, ct);
        var validation = new BeslutValidator(katalog).Validate(raw);
        problems.AddRange(validation.Problems);
        var classification = Classifier.Classify(quarter, validation.Beslut, k => prior.GetValueOrDefault(k),
            new ClassificationOptions { LabelOldSolAsNew = options.Rules.LabelOldSolAsNew, HandReportedBefore = handReportedBefore, AsOf = asOf });
        problems.AddRange(classification.Notes);
        return new JudgedQuarter(classification.Reports, problems, raw, readMs);
    }
}

/// <summary>A quarter as judged: the reports, the data-quality list so far, the rows read, and how long the read took.</summary>
public sealed record JudgedQuarter(IReadOnlyList<IvoReport> Reports, List<DataQualityProblem> Problems, List<RawBeslut> Raw, long ReadMs);
