using System.Text.Json;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.CaseSource.Doctor;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Logging;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv check-source [--namnd ID] [--json] [--lang sv|en]</c>: the view doctor. Reads the case system read-only, prints one
/// screen for the person who maps it (no personal data: counts, beslut ids, insats codes), exit 0 when the view can be used,
/// 1 with one line per fault otherwise. Needs no state store.
/// </summary>
public static class CheckSourceCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var english = Language(cli.Single("--lang"));
        var options = sp.GetRequiredService<EjvOptions>();
        var namnder = RunCommand.Select(options, cli.Single("--namnd")).Select(n => new NamndScope(n.Id, n.NamndFilter)).ToList();
        var today = sp.GetRequiredService<KommunTid>().Today(sp.GetRequiredService<TimeProvider>());
        var facts = await new SourceInspector(options.Source, sp.GetRequiredService<KommunTid>()).InspectAsync(namnder, today, ct);
        var findings = SourceDoctor.Examine(facts);
        var faults = findings.Count(f => f.Severity == Severity.Fault);
        Log.SourceChecked(sp.GetRequiredService<ILoggerFactory>().CreateLogger("EjVerkstallda.CheckSource"), options.Source.Provider, facts.Rows, faults, findings.Count - faults);
        Console.Out.Write(cli.Has("--json")
            ? JsonSerializer.Serialize(CheckSourceJson.Of(options.Source.Provider, facts, findings, english), OutputFiles.Json) + "\n"
            : CheckSourceScreen.Render(options.Source.Provider, facts, findings, english));
        if (faults == 0) return EjvProgram.Ok;
        Console.Error.WriteLine(english
            ? $"ejv: check-source: the view cannot be used: {faults} fault(s) to fix"
            : $"ejv: check-source: vyn kan inte användas: {faults} fel att åtgärda");
        return EjvProgram.Failed;
    }

    private static bool Language(string? lang) => lang switch
    {
        null or "sv" => false,
        "en" => true,
        _ => throw new UsageException($"--lang '{lang}' is not a language; use sv or en"),
    };
}
