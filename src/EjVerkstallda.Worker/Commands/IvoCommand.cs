using System.Text;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv ivo list --quarter Q [--namnd ID] [--json]</c>: what to enter in IVO's e-tjänst this quarter, field by field.
/// <c>ejv ivo submitted --quarter Q [--namnd ID] (--beslut ID ... | --all) [--by NAME]</c>: records that it was entered, by the
/// OS account running it (<c>--by</c> adds a display name), with an audit event.
/// The list is confidential (IVO identifiers, reasons): it goes to the handläggare's terminal, never to a log.
/// </summary>
public static class IvoCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var verb = cli.Verbs.FirstOrDefault();
        cli.Allow(verb == "submitted" ? ["--quarter", "--namnd", "--beslut", "--all", "--by"] : ["--quarter", "--namnd", "--json"]);
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: true)!.Value;
        var options = sp.GetRequiredService<EjvOptions>();
        var namnder = RunCommand.Select(options, cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        return verb switch
        {
            "list" => await ListAsync(sp, options, namnder, quarter.ToString(), cli.Has("--json"), ct),
            "submitted" => await SubmittedAsync(cli, sp, namnder, quarter.ToString(), ct),
            _ => throw new UsageException("use 'ejv ivo list --quarter Q' or 'ejv ivo submitted --quarter Q (--beslut ID | --all) [--by NAME]'"),
        };
    }

    private static async Task<int> ListAsync(IServiceProvider sp, EjvOptions options, IReadOnlyList<NamndOptions> namnder, string quarter, bool json, CancellationToken ct)
    {
        var ledger = sp.GetRequiredService<LedgerStore>();
        var all = new List<object>();
        var sb = new StringBuilder();
        foreach (var n in namnder)
        {
            var (underlag, submitted) = await FromLedgerAsync(sp, ledger, n, quarter, ct);
            all.Add(new { namnd = n.Id, quarter, reports = underlag.Reports.Select(r => new { report = r, submitted = submitted.GetValueOrDefault((r.BeslutId, r.Kind))?.SubmittedAt, submittedBy = submitted.GetValueOrDefault((r.BeslutId, r.Kind))?.SubmittedBy }) });
            sb.AppendLine($"== {n.Namn} ({n.Id}) {quarter}: {underlag.Reports.Count} report(s) to IVO, {underlag.Reports.Count(r => submitted.GetValueOrDefault((r.BeslutId, r.Kind))?.SubmittedAt is null)} not yet entered");
            foreach (var r in underlag.Reports)
            {
                var s = submitted.GetValueOrDefault((r.BeslutId, r.Kind));
                sb.AppendLine($"{r.BeslutId} [{Core.Classification.Etiketter.Status(r.Status, r.Kind)}{(r.Late ? ", sent rapporterad" : "")}] {(s?.SubmittedAt is null ? "EJ INLAGD" : $"inlagd {s.SubmittedAt} av {s.SubmittedBy}")}");
                sb.AppendLine($"    Lagrum: {r.Lagrum}   Insats: {Core.Beslut.PrintableText.Of(r.Insats)}   Beslutsdatum: {r.Beslutsdatum:yyyy-MM-dd}{(r.Avbrottsdatum is { } a ? $"   Avbrottsdatum: {a:yyyy-MM-dd}" : "")}");
                sb.AppendLine($"    IVO-id: {r.IvoId ?? "MANUELL HANTERING"}   Kön: {r.Kon ?? "-"}   Erbjudet: {r.Erbjudandedatum?.ToString("yyyy-MM-dd") ?? "-"}   Tackat nej: {(r.TackatNej is { } t ? (t ? "ja" : "nej") : "-")}");
                if (r.Verkstallighetsdatum is { } v) sb.AppendLine($"    {Core.Classification.Etiketter.ClosingDay(Core.Classification.CaseCodes.ParseKind(r.Kind))}: {v:yyyy-MM-dd}");
                if (r.Avslutsdatum is { } av) sb.AppendLine($"    Avslutat: {av:yyyy-MM-dd} ({(r.Avslutsorsak is { } o ? Core.Classification.Etiketter.Avslutsorsak(o) : "-")})");
                if (r.Skal is not null) sb.AppendLine($"    Skäl: {Core.Beslut.PrintableText.Of(r.Skal)}");
            }
            sb.AppendLine();
        }
        Console.Out.Write(json ? JsonSerializer.Serialize(all, OutputFiles.Json) + "\n" : sb.ToString());
        return EjvProgram.Ok;
    }

    /// <summary>
    /// The quarter's reports from the state store, never from the output folder (a dry run or an edit there changes nothing):
    /// the underlag the run recorded with its ledger, each report's IVO identifier and entered mark from the ledger row.
    /// </summary>
    internal static async Task<(IvoUnderlag Underlag, Dictionary<(string, string), LedgerRow> Rows)> FromLedgerAsync(
        IServiceProvider sp, LedgerStore ledger, NamndOptions n, string quarter, CancellationToken ct)
    {
        var run = $"ejv run --quarter {quarter} --namnd {n.Id}";
        if (!(await ledger.CompletedQuartersAsync(n.Id, ct)).Contains(quarter)) throw new UsageException($"{n.Id} {quarter} has not been run; run it first: {run}");
        var doc = await sp.GetRequiredService<DocumentStore>().GetAsync(n.Id, quarter, OutputNames.IvoUnderlagJson, ct)
            ?? throw new UsageException($"{n.Id} {quarter} was run by an older version that kept no IVO underlag in the state store; run it again: {run}");
        return Merge(JsonSerializer.Deserialize<IvoUnderlag>(doc.Content, OutputFiles.Json)!, await ledger.QuarterAsync(n.Id, quarter, ct));
    }

    /// <summary>The recorded underlag with each report's IVO identifier from its ledger row, and the rows by (beslut, kind).</summary>
    internal static (IvoUnderlag Underlag, Dictionary<(string, string), LedgerRow> Rows) Merge(IvoUnderlag underlag, IReadOnlyList<LedgerRow> ledgerRows)
    {
        var rows = ledgerRows.ToDictionary(r => (r.BeslutId, r.Kind + "/" + r.CaseStart), r => r);
        var reports = underlag.Reports
            .Select(r => rows.GetValueOrDefault((r.BeslutId, CaseOf(r))) is { } row ? r with { IvoId = row.IvoId } : r).ToList();
        return (underlag with { Reports = reports }, rows.Values.GroupBy(r => (r.BeslutId, r.Kind)).ToDictionary(g => g.Key, g => g.First()));
    }

    private static string CaseOf(IvoUnderlagEntry r) => r.Kind + "/" + (r.Kind == "avbrott" ? StateDb.Day(r.Avbrottsdatum) : "");

    private static async Task<int> SubmittedAsync(CommandLine cli, IServiceProvider sp, IReadOnlyList<NamndOptions> namnder, string quarter, CancellationToken ct)
    {
        var by = OsActor.FromCommandLine(cli);
        var ids = cli.All("--beslut");
        if (ids.Count == 0 == !cli.Has("--all")) throw new UsageException("give either --beslut ID (one or more) or --all");
        var ledger = sp.GetRequiredService<LedgerStore>();
        foreach (var n in namnder)
        {
            var rows = await ledger.QuarterAsync(n.Id, quarter, ct);
            var unknown = ids.Where(id => rows.All(r => r.BeslutId != id)).ToList();
            if (unknown.Count > 0) throw new UsageException($"{n.Id} {quarter} has no IVO report for beslut {string.Join(", ", unknown)}; see ejv ivo list --quarter {quarter}");
            var marked = await ledger.MarkSubmittedAsync(n.Id, quarter, cli.Has("--all") ? null : ids, by, ct);
            Console.Out.WriteLine($"{n.Id} {quarter}: {marked} report(s) marked as entered in IVO's e-tjänst by {by.DisplayName} (account {by.Id})");
        }
        return EjvProgram.Ok;
    }
}
