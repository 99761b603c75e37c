using System.Collections.Concurrent;
using System.Text.Json;
using EjVerkstallda.Core.Ivo;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// What the quarter pages show, read from the state store as <c>ejv ivo list</c> reads it (never from the output folder):
/// the underlag with each report's IVO identifier and entered mark, the IVO window, and the draft's text.
/// </summary>
public sealed class QuarterReader(LedgerStore ledger, DocumentStore documents, LifecycleStore lifecycle, DeliveryPlanner planner,
    EjvOptions options, KommunTid kommunTid, TimeProvider clock)
{
    /// <summary>
    /// The parsed underlag per nämnd and quarter with the SHA-256 it was read and checked under: a page asks the state store
    /// for the stored hash only, and reads and parses the document again only after a run has replaced it (with 2 000
    /// reports the document is over a megabyte, read, hashed and parsed on every page otherwise).
    /// </summary>
    private readonly ConcurrentDictionary<(string Namnd, string Quarter), (string Sha256, IvoUnderlag Underlag)> _underlag = new();

    public async Task<IReadOnlyList<string>> QuartersAsync(NamndOptions n, CancellationToken ct) =>
        await ledger.CompletedQuartersAsync(n.Id, ct);

    /// <summary>The quarter's checklist; null when the quarter has not been run.</summary>
    public async Task<Checklist?> ChecklistAsync(NamndOptions n, Kvartal q, CancellationToken ct)
    {
        var quarter = q.ToString();
        if (!(await ledger.CompletedQuartersAsync(n.Id, ct)).Contains(quarter)) return null;
        if (await UnderlagAsync(n.Id, quarter, ct) is not var (sha256, recorded)) return null;
        var (underlag, rows) = IvoCommand.Merge(recorded, await ledger.QuarterAsync(n.Id, quarter, ct));
        var cards = underlag.Reports.Select((r, i) =>
        {
            var row = rows.GetValueOrDefault((r.BeslutId, r.Kind));
            return new ChecklistCard(i + 1, r, row?.SubmittedAt, row?.SubmittedBy);
        }).ToList();
        var unsubmitted = cards.Count(c => c.SubmittedAt is null);
        var today = kommunTid.Today(clock);
        var window = planner.WindowOf(q).StatusOn(today, options.Ivo.RemindDaysBefore, unsubmitted);
        return new Checklist(n, q, sha256, underlag, cards, window, today);
    }

    private async Task<(string Sha256, IvoUnderlag Underlag)?> UnderlagAsync(string namnd, string quarter, CancellationToken ct)
    {
        var stored = await documents.Sha256Async(namnd, quarter, OutputNames.IvoUnderlagJson, ct);
        if (stored is null) return null;
        if (_underlag.TryGetValue((namnd, quarter), out var kept) && kept.Sha256 == stored) return kept;
        var doc = await documents.GetAsync(namnd, quarter, OutputNames.IvoUnderlagJson, ct);
        if (doc is null) return null;
        var parsed = (doc.Sha256, JsonSerializer.Deserialize<IvoUnderlag>(doc.Content, OutputFiles.Json)!);
        _underlag[(namnd, quarter)] = parsed;
        return parsed;
    }

    /// <summary>The draft tjänsteskrivelse's bytes and its text, one line per paragraph; null when the run kept none.</summary>
    /// <param name="version">The version whose document is wanted (the one shown for approval); null: the latest run's.</param>
    public async Task<(byte[] Docx, string Text)?> DraftAsync(NamndOptions n, Kvartal q, int? version, CancellationToken ct)
    {
        var doc = version is { } v
            ? await lifecycle.GetDocumentAsync(n.Id, q.ToString(), v, OutputNames.StatistikDocx, ct)
            : await documents.GetAsync(n.Id, q.ToString(), OutputNames.StatistikDocx, ct);
        return doc is null ? null : (doc.Content, DocxText.ExtractAll(doc.Content));
    }
}

/// <summary>One report as IVO's form asks for it, with its place in the quarter's list (the number used in forms and links).</summary>
public sealed record ChecklistCard(int Seq, IvoUnderlagEntry Report, string? SubmittedAt, string? SubmittedBy)
{
    public bool Closing => Report.Status is "verkstalld" or "avslutad";
}

public sealed record Checklist(NamndOptions Namnd, Kvartal Quarter, string Version, IvoUnderlag Underlag, IReadOnlyList<ChecklistCard> Cards,
    IvoWindowStatus Window, DateOnly Today)
{
    public int Entered => Cards.Count(c => c.SubmittedAt is not null);

    /// <summary>"12 av 31 registrerade, fönstret stänger om 5 dagar".</summary>
    public string Progress
    {
        get
        {
            var days = Window.Closes.DayNumber - Today.DayNumber;
            var when = Today < Window.Opens ? $"fönstret öppnar {Window.Opens:yyyy-MM-dd}"
                : days > 1 ? $"fönstret stänger om {days} dagar"
                : days == 1 ? "fönstret stänger i morgon"
                : days == 0 ? "fönstret stänger i dag"
                : $"fönstret stängde för {-days} {(days == -1 ? "dag" : "dagar")} sedan";
            return $"{Entered} av {Cards.Count} registrerade, {when}";
        }
    }
}
