using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.Import;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv import history|trend --file F [--namnd ID] [--dry-run]</c>: what the kommun carries over from its manual reporting
/// (CONTRACT section 4). Every row is checked first; with any error nothing is imported, each error is printed with its line.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var what = cli.Verbs.Count == 1 ? cli.Verbs[0] : null;
        if (what is not ("history" or "trend"))
            throw new UsageException("write 'ejv import history --file F.csv' (cases reported to IVO by hand) or 'ejv import trend --file F.csv' (earlier quarters' totals)");
        var path = cli.Single("--file") ?? throw new UsageException($"give --file, e.g. ejv import {what} --file {what}.csv (CSV or .xlsx; templates in deploy/import/)");
        var namnd = OneNamnd(sp.GetRequiredService<EjvOptions>(), cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        var file = await ImportFile.ReadAsync(Path.GetFullPath(path), ct);
        var imports = sp.GetRequiredService<ImportStore>();
        if (await imports.ImportedAtAsync(namnd.Id, what, file.Sha256, ct) is { } at)
        {
            Console.Out.WriteLine($"{namnd.Id}: {file.Name} is already imported ({at}); nothing changed");
            return EjvProgram.Ok;
        }
        return what == "history"
            ? await HistoryImport.ExecuteAsync(sp, namnd, file, cli.Has("--dry-run"), ct)
            : await TrendImport.ExecuteAsync(sp, namnd, file, cli.Has("--dry-run"), ct);
    }

    /// <summary>An import is for one nämnd: --namnd, or the only one configured.</summary>
    public static NamndOptions OneNamnd(EjvOptions options, string? id)
    {
        var selected = RunCommand.Select(options, id);
        if (selected.Count != 1)
            throw new UsageException($"several nämnder are configured; give --namnd ({string.Join(", ", options.Namnder.Select(n => n.Id))})");
        return selected[0];
    }

    /// <summary>The OS user who ran the command (CONTRACT section 4: who imported), as the lifecycle commands name it.</summary>
    public static Actor OsUser() => OsActor.Current(null);

    /// <summary>
    /// The end both imports share: a dry run stops after the preview; else the batch (the file's SHA-256 and name, who, when,
    /// how many rows) is saved by <paramref name="save"/> with the rows, and the line it returns is printed.
    /// </summary>
    public static async Task<int> SaveAsync(ImportStore imports, string kind, ImportFile file, int rows, bool dryRun, Func<ImportBatch, Task<string>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (dryRun)
        {
            Console.Out.WriteLine("dry run: nothing was imported");
            return EjvProgram.Ok;
        }
        var batch = new ImportBatch(kind, file.Sha256, file.Name, OsUser(), imports.Now(), rows);
        Console.Out.WriteLine(await save(batch));
        return EjvProgram.Ok;
    }

    /// <summary>Prints every error with its line, and the one-line reason; returns the failure exit code.</summary>
    public static int Refuse(string fileName, IReadOnlyList<ImportError> errors, string what)
    {
        foreach (var e in errors) Console.Error.WriteLine($"ejv: {fileName} {e}");
        Console.Error.WriteLine($"ejv: {errors.Count} error(s) in {fileName}; nothing was imported. Correct the {what} and import it again");
        return EjvProgram.Failed;
    }

    /// <summary>The first quarter the product runs: its earliest completed quarter, else FirstQuarter, else the current one.</summary>
    public static (Kvartal Quarter, string Reason) RunsFrom(IReadOnlyList<string> completed, NamndOptions namnd, DateOnly today)
    {
        if (completed.Count > 0) return (Kvartal.Parse(completed[0]), "the first quarter the product has run for this nämnd");
        if (Kvartal.TryParse(namnd.FirstQuarter, out var first)) return (first, "the nämnd's FirstQuarter");
        return (Kvartal.Containing(today), "the current quarter (it has not ended)");
    }
}
