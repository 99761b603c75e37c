using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Import;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary><c>ejv import history</c>: the cases the kommun reported to IVO by hand, checked against the case system and the ledger.</summary>
public static class HistoryImport
{
    public static async Task<int> ExecuteAsync(IServiceProvider sp, NamndOptions namnd, ImportFile file, bool dryRun, CancellationToken ct)
    {
        var ledger = sp.GetRequiredService<LedgerStore>();
        var imports = sp.GetRequiredService<ImportStore>();
        var today = sp.GetRequiredService<KommunTid>().Today(sp.GetRequiredService<TimeProvider>());
        var completed = await ledger.CompletedQuartersAsync(namnd.Id, ct);
        var (runsFrom, reason) = ImportCommand.RunsFrom(completed, namnd, today);
        var context = await ContextAsync(sp.GetRequiredService<CaseSourceReader>(), namnd, file.Table, ct) with
        {
            KnownIds = await imports.PersonIdsAsync(namnd.Id, ct),
            RunsFrom = runsFrom,
            RunsFromReason = reason,
        };
        var checkedRows = HistoryValidator.Validate(file.Table, context);
        if (checkedRows.Errors.Count > 0) return ImportCommand.Refuse(file.Name, checkedRows.Errors, "file");
        var plan = HistoryPlan.Of(checkedRows.Rows, await imports.CasesAsync(namnd.Id, ct));
        if (plan.Conflicts.Count > 0) return ImportCommand.Refuse(file.Name, plan.Conflicts, "file (it conflicts with what the ledger holds)");
        if (plan.New.Count == 0)
        {
            Console.Out.WriteLine($"{namnd.Id}: every case in {file.Name} is already imported as the file says ({plan.Unchanged.Count}); nothing changed");
            return EjvProgram.Ok;
        }
        // The quarter the product runs next: after its last run, or FirstQuarter, or the one after the history ends.
        var next = completed.Count > 0 ? Kvartal.Parse(completed[^1]).Next
            : Kvartal.TryParse(namnd.FirstQuarter, out var fq) ? fq : checkedRows.Rows.Max(r => r.Last).Next;
        PrintPreview(namnd, plan, next, today, sp.GetRequiredService<EjvOptions>());
        return await ImportCommand.SaveAsync(imports, ImportStore.History, file, plan.New.Count, dryRun, async batch =>
        {
            await imports.SaveHistoryAsync(namnd.Id, batch, plan.New, ct);
            var rows = plan.New.Sum(r => r.Quarters().Count());
            return $"{namnd.Id}: imported {plan.New.Count} case(s) ({rows} ledger row(s), {plan.New.Where(r => r.IvoId is not null).Select(r => r.Beslut.PersonId).Distinct().Count()} person(s) with their IVO identifier) from {file.Name}" +
                (plan.Unchanged.Count > 0 ? $"; {plan.Unchanged.Count} already imported" : "") + $"; by {batch.By.Id} at {batch.At}";
        });
    }

    /// <summary>The case system's rows for the file's beslut_id (trimmed), judged or with the reason they cannot be.</summary>
    private static async Task<HistoryContext> ContextAsync(CaseSourceReader source, NamndOptions namnd, ImportTable table, CancellationToken ct)
    {
        var (columns, missing) = table.Map(HistoryColumns.History);
        var ids = missing.Count > 0 ? [] : table.Lines.Select(l => columns[HistoryColumns.BeslutId] < l.Cells.Count ? l.Cells[columns[HistoryColumns.BeslutId]] : "")
            .Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var problems = new List<DataQualityProblem>();
        var katalog = await source.ReadKatalogAsync(problems, ct);
        var raw = new List<RawBeslut>();
        await foreach (var row in source.ReadByIdsAsync(namnd.NamndFilter, ids, ct)) raw.Add(row);
        var validation = new BeslutValidator(katalog).Validate(raw);
        var unjudgeable = validation.Problems.Where(p => p.Excluded && p.BeslutId is not null)
            .GroupBy(p => p.BeslutId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Problem, StringComparer.Ordinal);
        return new HistoryContext
        {
            Beslut = validation.Beslut.ToDictionary(b => b.Id, StringComparer.Ordinal),
            Unjudgeable = unjudgeable,
            RunsFrom = default,
            RunsFromReason = "",
        };
    }

    private static void PrintPreview(NamndOptions namnd, HistoryPlan plan, Kvartal next, DateOnly today, EjvOptions options)
    {
        var asOf = next.HasEnded(today) ? (DateOnly?)null : today;
        var preview = HistoryPreview.Next(plan.New, next, new ClassificationOptions { LabelOldSolAsNew = options.Rules.LabelOldSolAsNew, AsOf = asOf });
        Console.Out.WriteLine($"{namnd.Id}: {plan.New.Count} case(s) to import" + (plan.Unchanged.Count > 0 ? $", {plan.Unchanged.Count} already imported" : "") +
            $"; what {next} would then report{(asOf is { } d ? $" (as of today, {d:yyyy-MM-dd}: the quarter has not ended)" : "")}:");
        foreach (var (row, outcome, report) in preview)
            Console.Out.WriteLine($"  line {row.Line}: {row.Beslut.Id} {row.Kind.ToCode()} {row.First}–{row.Last} {row.LastStatus.ToCode()} -> {Describe(outcome, report)}");
        Console.Out.WriteLine($"  total: kvarstår {Count(NextReport.Kvarstar)}, closing report owed {Count(NextReport.ClosingReport)}, never again {Count(NextReport.NeverAgain)}, not reported (listed as a data-quality problem) {Count(NextReport.NotReported)}");
        int Count(NextReport n) => preview.Count(p => p.Next == n);
    }

    private static string Describe(NextReport next, IvoReport? report) => next switch
    {
        NextReport.Kvarstar => "kvarstår (with the imported IVO identifier, not late)",
        NextReport.ClosingReport => $"closing report owed: {report!.Status.ToCode()} {report.ClosingDay:yyyy-MM-dd}",
        NextReport.NeverAgain => "never again (closed at IVO)",
        _ => "not reported: the case system does not have it open past its deadline; the closing report stays owed and is listed as a data-quality problem",
    };
}
