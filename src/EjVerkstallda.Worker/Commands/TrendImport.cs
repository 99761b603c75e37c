using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Import;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv import trend</c>: earlier quarters' totals (open cases at each quarter's end, per lag and kind) for the
/// statistikrapport's trend and chart. A quarter the product has run itself keeps its own figure.
/// </summary>
public static class TrendImport
{
    public static async Task<int> ExecuteAsync(IServiceProvider sp, NamndOptions namnd, ImportFile file, bool dryRun, CancellationToken ct)
    {
        var imports = sp.GetRequiredService<ImportStore>();
        var today = sp.GetRequiredService<KommunTid>().Today(sp.GetRequiredService<TimeProvider>());
        var (rows, errors) = TrendValidator.Validate(file.Table, Kvartal.Containing(today));
        if (errors.Count > 0) return ImportCommand.Refuse(file.Name, errors, "file");
        var (fresh, unchanged, conflicts) = TrendValidator.Plan(rows, await imports.TrendFiguresAsync(namnd.Id, ct));
        if (conflicts.Count > 0) return ImportCommand.Refuse(file.Name, conflicts, "file (it conflicts with figures imported before)");
        if (fresh.Count == 0)
        {
            Console.Out.WriteLine($"{namnd.Id}: every figure in {file.Name} is already imported ({unchanged}); nothing changed");
            return EjvProgram.Ok;
        }
        var run = (await sp.GetRequiredService<LedgerStore>().CompletedQuartersAsync(namnd.Id, ct)).ToHashSet(StringComparer.Ordinal);
        Console.Out.WriteLine($"{namnd.Id}: {fresh.Count} figure(s) to import" + (unchanged > 0 ? $", {unchanged} already imported" : "") + "; open at the end of the quarter:");
        foreach (var q in fresh.GroupBy(r => r.Quarter).OrderBy(g => g.Key))
        {
            var own = run.Contains(q.Key.ToString()) ? " (the product ran this quarter itself: its own figure is used, not this one)" : "";
            Console.Out.WriteLine($"  {q.Key}: {q.Sum(r => r.Open)} ({string.Join(", ", q.OrderBy(r => r.Lag).ThenBy(r => r.Kind).Select(r => $"{r.Lag} {r.Kind.ToCode()} {r.Open}"))}){own}");
        }
        return await ImportCommand.SaveAsync(imports, ImportStore.Trend, file, fresh.Count, dryRun, async batch =>
        {
            await imports.SaveTrendAsync(namnd.Id, batch, fresh, ct);
            return $"{namnd.Id}: imported {fresh.Count} figure(s) from {file.Name}; the next statistikrapport's trend shows them; by {batch.By.Id} at {batch.At}";
        });
    }
}
