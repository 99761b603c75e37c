using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Files;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv reconcile --from 2025Q1 --to 2026Q3 [--namnd ID] [--out FILE]</c>: quarter by quarter, what the rules say should
/// have been reported (the classifier over the case source, judged with what was really reported before each quarter)
/// against what the ledger holds as reported (the imported history, or the product's own runs). Counts on the console;
/// beslut ids only in a confidential .xlsx (0600). Reads only: the ledger is not changed.
/// </summary>
public static class ReconcileCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var options = sp.GetRequiredService<EjvOptions>();
        var from = RunCommand.ParseQuarter(cli.Single("--from") ?? throw new UsageException("give --from and --to, e.g. ejv reconcile --from 2025Q1 --to 2026Q3"), required: true)!.Value;
        var to = RunCommand.ParseQuarter(cli.Single("--to") ?? throw new UsageException("give --to, e.g. --to 2026Q3 (a quarter that has ended)"), required: true)!.Value;
        var today = sp.GetRequiredService<KommunTid>().Today(sp.GetRequiredService<TimeProvider>());
        if (from > to) throw new UsageException($"--from {from} is after --to {to}");
        if (!to.HasEnded(today)) throw new UsageException($"--to {to} has not ended; reconcile quarters that have ended (up to {Kvartal.LastCompletedBefore(today)})");
        var namnd = ImportCommand.OneNamnd(options, cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        var ledger = sp.GetRequiredService<LedgerStore>();
        var judge = sp.GetRequiredService<CaseJudge>();
        var quarters = new List<(Kvartal Quarter, int Rules, int Reported, IReadOnlyList<Finding> Findings)>();
        var firstReported = new Dictionary<CaseKey, Kvartal>();
        for (var q = from; q <= to; q = q.Next)
        {
            var prior = await ledger.PriorReportsAsync(namnd.Id, q.ToString(), ct);
            var judged = await judge.JudgeAsync(namnd, q, prior, asOf: null, handReportedBefore: null, ct);
            var rules = judged.Reports.ToDictionary(r => r.Key, r => r.Status);
            var reported = (await ledger.QuarterAsync(namnd.Id, q.ToString(), ct)).ToDictionary(
                r => new CaseKey(r.BeslutId, CaseCodes.ParseKind(r.Kind), r.CaseStart.Length == 0 ? null : StateDb.ParseDay(r.CaseStart)),
                r => CaseCodes.ParseStatus(r.Status));
            foreach (var k in reported.Keys) firstReported.TryAdd(k, q);
            quarters.Add((q, rules.Count, reported.Count, Reconciliation.Compare(q, rules, reported, prior)));
        }
        var findings = quarters.SelectMany(q => q.Findings).ToList();
        var missed = findings.Where(f => f.Kind == Discrepancy.Missed).GroupBy(f => f.Case)
            .Select(g => new MissedCase(g.Key, g.First().Quarter, g.Count(), firstReported.TryGetValue(g.Key, out var r) && r > g.First().Quarter ? r : null)).ToList();
        PrintCounts(namnd, from, to, quarters, findings, missed);
        var path = Path.GetFullPath(cli.Single("--out") ?? Path.Combine(options.Output.Folder, namnd.Id, $"avstamning-{from}-{to}.xlsx"));
        await SecureFiles.WriteAtomicAsync(path, Workbook(quarters, findings, missed), ct);
        Console.Out.WriteLine($"beslut ids (confidential, for the handläggare): {path}");
        Console.Out.WriteLine("nothing in the ledger was changed");
        return EjvProgram.Ok;
    }

    private static void PrintCounts(NamndOptions namnd, Kvartal from, Kvartal to, List<(Kvartal Quarter, int Rules, int Reported, IReadOnlyList<Finding> Findings)> quarters, List<Finding> findings, List<MissedCase> missed)
    {
        Console.Out.WriteLine($"{namnd.Id} reconciliation {from}–{to}: what the rules say should have been reported, against what was reported");
        Console.Out.WriteLine("  quarter  rules  reported  missed  not-found  closing-not-sent  closed-too-early");
        foreach (var (q, rules, reported, f) in quarters)
            Console.Out.WriteLine($"  {q}  {rules,5}  {reported,8}  {N(f, Discrepancy.Missed),6}  {N(f, Discrepancy.NotFound),9}  {N(f, Discrepancy.ClosingNotSent),16}  {N(f, Discrepancy.ClosedTooEarly),16}");
        var never = missed.Count(m => m.ReportedFrom is null);
        Console.Out.WriteLine($"  total: {N(findings, Discrepancy.Missed)} missed report(s) of {missed.Count} case(s), {never} of them never reported in {from}–{to}; {N(findings, Discrepancy.NotFound)} reported but not found by the rules; " +
            $"{N(findings, Discrepancy.ClosingNotSent)} closing report(s) not sent; {N(findings, Discrepancy.ClosedTooEarly)} closed at IVO but open in the case system");
        static int N(IEnumerable<Finding> f, Discrepancy d) => f.Count(x => x.Kind == d);
    }

    private static byte[] Workbook(List<(Kvartal Quarter, int Rules, int Reported, IReadOnlyList<Finding> Findings)> quarters, List<Finding> findings, List<MissedCase> missed) =>
        XlsxWorkbook.Render(
        [
            new XlsxSheet("Avvikelser", [("Kvartal", 9), ("Beslut-id", 16), ("Ärendetyp", 24), ("Avbrottsdatum", 13), ("Avvikelse", 60), ("Enligt reglerna", 16), ("Rapporterat", 14)],
                findings.Select(f => new object?[]
                {
                    f.Quarter.ToString(), f.Case.BeslutId, Etiketter.Kind(f.Case.Kind), f.Case.AvbrottStart, Text(f.Kind),
                    f.Rules is { } r ? Etiketter.Status(r, f.Case.Kind) : "(ingen rapport)", f.Reported is { } k ? Etiketter.Status(k, f.Case.Kind) : "(ingen rapport)",
                })),
            new XlsxSheet("Per kvartal", [("Kvartal", 9), ("Enligt reglerna", 16), ("Rapporterat", 12), ("Missade", 10), ("Hittas inte", 12), ("Slutrapport saknas", 18), ("Avslutad för tidigt", 18)],
                quarters.Select(q => new object?[]
                {
                    q.Quarter.ToString(), q.Rules, q.Reported, C(q.Findings, Discrepancy.Missed), C(q.Findings, Discrepancy.NotFound),
                    C(q.Findings, Discrepancy.ClosingNotSent), C(q.Findings, Discrepancy.ClosedTooEarly),
                })),
            new XlsxSheet("Missade ärenden", [("Beslut-id", 16), ("Ärendetyp", 24), ("Avbrottsdatum", 13), ("Första missade kvartal", 22), ("Missade kvartal", 16), ("Rapporterad från", 18)],
                missed.Select(m => new object?[] { m.Case.BeslutId, Etiketter.Kind(m.Case.Kind), m.Case.AvbrottStart, m.FirstMissed.ToString(), m.Quarters, m.ReportedFrom?.ToString() ?? "aldrig" })),
        ]);

    private static int C(IReadOnlyList<Finding> f, Discrepancy d) => f.Count(x => x.Kind == d);

    private static string Text(Discrepancy d) => d switch
    {
        Discrepancy.Missed => "Ej rapporterad till IVO: reglerna ger en rapport detta kvartal (missad rapport)",
        Discrepancy.NotFound => "Rapporterad, men reglerna hittar den inte (fel i vyn, eller en rapport som inte behövdes)",
        Discrepancy.ClosingNotSent => "Slutrapport (verkställd eller avslutad) ej skickad",
        _ => "Rapporterad som verkställd/avslutad, men öppen i verksamhetssystemet",
    };
}

/// <summary>A case with missed reports: the first quarter missed, how many quarters, and the quarter it was reported from (null: never in the range).</summary>
public sealed record MissedCase(CaseKey Case, Kvartal FirstMissed, int Quarters, Kvartal? ReportedFrom);
