using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Logging;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// Renders and writes a run's files into one folder (the quarter's, or its <c>dry-run/</c> preview) and returns the bytes
/// written, so that the ledger keeps exactly them: nothing is read back from the folder.
/// </summary>
public sealed class RunOutputs(FaultInjection faults, ILogger<RunOutputs> logger)
{
    public async Task<RunFiles> WriteAsync(NamndOptions namnd, Kvartal quarter, string folder, IvoUnderlag underlag, StatistikRapport statistik,
        IReadOnlyList<IvoReport> reports, Func<IvoReport, string?> ivoIdOf, IReadOnlyList<DataQualityProblem> problems, DateOnly upprattad,
        CancellationToken ct)
    {
        var underlagJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(underlag, OutputFiles.Json);
        await OutputFiles.WriteAsync(folder, OutputNames.IvoUnderlagJson, underlagJson, ct);
        await faults.PointAsync(FaultInjection.MidOutputs, ct);
        await OutputFiles.WriteAsync(folder, OutputNames.IvoUnderlagXlsx, IvoUnderlagXlsxRenderer.Render(reports, ivoIdOf, problems,
            Core.Avgift.AvgiftRiskRule.Assess(reports, underlag.PreviewAsOf ?? quarter.ReportingDay)), ct);
        var statistikJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(statistik, OutputFiles.Json);
        var docx = StatistikDocxRenderer.Render(statistik, namnd.Tjansteskrivelse, upprattad);
        var blocked = Guard(namnd, quarter, statistik, statistikJson, docx, reports, ivoIdOf, upprattad);
        if (blocked is null)
        {
            await OutputFiles.WriteAsync(folder, OutputNames.StatistikJson, statistikJson, ct);
            await OutputFiles.WriteAsync(folder, OutputNames.StatistikDocx, docx, ct);
            return new RunFiles(underlagJson, statistikJson, docx, null);
        }
        foreach (var name in new[] { OutputNames.StatistikJson, OutputNames.StatistikDocx }) File.Delete(Path.Combine(folder, name));
        Log.PublicBlocked(logger, namnd.Id, quarter.ToString(), blocked);
        return new RunFiles(underlagJson, null, null, blocked);
    }

    /// <summary>
    /// The anonymity guard over the public statistikrapport (.json and .docx): nothing of this run's ids, free texts, IVO
    /// identifiers, personnummer-like strings or other dates. Its finding (kinds and places, never the values), or null.
    /// </summary>
    private static string? Guard(NamndOptions namnd, Kvartal quarter, StatistikRapport statistik, byte[] json, byte[] docx,
        IReadOnlyList<IvoReport> reports, Func<IvoReport, string?> ivoIdOf, DateOnly upprattad)
    {
        var terms = new[] { namnd.Namn, namnd.Tjansteskrivelse.Forvaltning }.Concat(statistik.Sektioner.SelectMany(s => s.Rader).Select(r => r.Insats));
        var context = AnonymityContext.ForReports(quarter, upprattad, reports, ivoIdOf, terms);
        var guard = GuardResult.Combine(
        [
            AnonymityGuard.Check(statistik, statistik.MinCellSize, context),
            AnonymityGuard.Check(System.Text.Encoding.UTF8.GetString(json), context, OutputNames.StatistikJson),
            AnonymityGuard.Check(DocxText.ExtractAll(docx), context, OutputNames.StatistikDocx),
        ]);
        return guard.IsClean ? null : guard.ToString();
    }
}

/// <summary>The bytes a run wrote. The public documents are null when the anonymity guard stopped them (<see cref="Blocked"/>).</summary>
public sealed record RunFiles(byte[] UnderlagJson, byte[]? StatistikJson, byte[]? StatistikDocx, string? Blocked)
{
    /// <summary>What the state store keeps of the run: the underlag, and the public documents exactly as they passed the guard.</summary>
    public IReadOnlyList<RunDocument> Documents =>
    [
        RunDocument.Of(OutputNames.IvoUnderlagJson, UnderlagJson),
        .. StatistikJson is null ? Array.Empty<RunDocument>() : [RunDocument.Of(OutputNames.StatistikJson, StatistikJson)],
        .. StatistikDocx is null ? Array.Empty<RunDocument>() : [RunDocument.Of(OutputNames.StatistikDocx, StatistikDocx)],
    ];
}
