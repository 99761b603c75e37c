using EjVerkstallda.Infrastructure.Evidence;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv evidence --quarter Q [--namnd ID] [--out FILE] [--force]</c>: one zip for the revisorer or JO with everything the
/// state store holds about the quarter (<see cref="EvidencePack"/>). Confidential: 0600, written atomically; an existing
/// file is replaced only with <c>--force</c>. After writing, the file is read back and checked against its manifest.
/// </summary>
public static class EvidenceCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: true)!.Value.ToString();
        var namnd = One(sp.GetRequiredService<EjvOptions>(), cli.Single("--namnd"));
        var path = Path.GetFullPath(cli.Single("--out") ?? $"ejv-evidence-{namnd.Id}-{quarter}.zip");
        if (File.Exists(path) && !cli.Has("--force"))
            throw new UsageException($"{path} already exists; give another --out FILE, or --force to replace it");
        await Dispatcher.MigrateAsync(sp, ct);

        var data = await sp.GetRequiredService<EvidenceReader>().ReadAsync(namnd.Id, quarter, ct);
        if (data.Runs.Count == 0)
            throw new UsageException($"{namnd.Id} {quarter} has never been run, so there is no evidence to collect; run it first: ejv run --quarter {quarter} --namnd {namnd.Id}");
        var zip = EvidencePack.Build(data, sp.GetRequiredService<TimeProvider>().GetUtcNow());
        await EvidencePack.WriteAsync(path, zip, force: true, ct);

        var problems = EvidencePack.Verify(await File.ReadAllBytesAsync(path, ct)).ToList();
        problems.AddRange(data.Documents.Where(d => !EvidencePack.HashMatches(d))
            .Select(d => $"{EvidencePack.DocumentPath(d)}: the state store's SHA-256 does not match its bytes (changed since run {d.RunId})"));
        Console.Out.WriteLine($"{namnd.Id} {quarter}: evidence pack written to {path} (confidential, owner-only): {data.Documents.Count} document(s), " +
            $"{data.Versions.Count} version(s), {data.Audit.Count} audit event(s), {data.Messages.Count} message(s), {data.IvoReports.Count} IVO report(s), {data.Runs.Count} run(s)");
        if (problems.Count == 0)
        {
            Console.Out.WriteLine($"hash check: every file matches manifest.json, and every document matches the SHA-256 stored when it was written");
            return EjvProgram.Ok;
        }
        foreach (var p in problems) Console.Error.WriteLine($"ejv: hash check failed: {p}");
        return EjvProgram.Failed;
    }

    /// <summary>One pack is one nämnd: with several configured, --namnd says which.</summary>
    private static NamndOptions One(EjvOptions options, string? id)
    {
        var namnder = RunCommand.Select(options, id);
        if (namnder.Count == 1) return namnder[0];
        throw new UsageException($"an evidence pack is for one nämnd; give --namnd, one of: {string.Join(", ", namnder.Select(n => n.Id))}");
    }
}
