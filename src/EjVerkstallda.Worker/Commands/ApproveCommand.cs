using System.Text.Json;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv approve --quarter Q [--namnd ID] --by NAME</c>: records the approval, then sends the final report: the documents the
/// run kept in the state store, never the files in the output folder.
/// </summary>
public static class ApproveCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: true)!.Value;
        var by = cli.Single("--by") ?? throw new UsageException("give --by with the name of whoever approves, e.g. --by \"Anna Andersson\"");
        if (string.IsNullOrWhiteSpace(by) || by.Length > 200) throw new UsageException("--by must be a name of 1-200 characters");
        var options = sp.GetRequiredService<EjvOptions>();
        var namnder = RunCommand.Select(options, cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        foreach (var namnd in namnder)
        {
            var approval = await ApproveAsync(sp, namnd, quarter, by.Trim(), ct);
            Console.Out.WriteLine(approval.AlreadyApproved
                ? $"{namnd.Id} {quarter}: already approved by {approval.ApprovedBy} at {approval.ApprovedAt}; nothing is sent twice"
                : $"{namnd.Id} {quarter}: approved by {approval.ApprovedBy} at {approval.ApprovedAt}; final report recorded for nämnd, fullmäktige and revisorer");
        }
        await sp.GetRequiredService<Runs.FaultInjection>().PointAsync(Runs.FaultInjection.AfterApproval, ct);
        return await MailCommand.DispatchAndReportAsync(sp, ct);
    }

    public static async Task<Approval> ApproveAsync(IServiceProvider sp, NamndOptions namnd, Core.Kvartal.Kvartal quarter, string by, CancellationToken ct)
    {
        var completed = await sp.GetRequiredService<LedgerStore>().CompletedQuartersAsync(namnd.Id, ct);
        if (!completed.Contains(quarter.ToString()))
            throw new UsageException($"{namnd.Id} {quarter} has not been run; run it first: ejv run --quarter {quarter} --namnd {namnd.Id}");
        // The public report exactly as it passed the anonymity guard at run time, from the state store (the folder is an export).
        var documents = sp.GetRequiredService<DocumentStore>();
        var json = await documents.GetAsync(namnd.Id, quarter.ToString(), OutputNames.StatistikJson, ct)
            ?? throw new UsageException($"{namnd.Id} {quarter} has no public statistikrapport in the state store (the anonymity guard stopped it, or it was run by an older version); run the quarter again: ejv run --quarter {quarter} --namnd {namnd.Id}");
        var statistik = JsonSerializer.Deserialize<StatistikRapport>(json.Content, OutputFiles.Json)
            ?? throw new UsageException($"{namnd.Id} {quarter}: the stored statistikrapport is empty; run the quarter again");
        var docx = (await documents.GetAsync(namnd.Id, quarter.ToString(), OutputNames.StatistikDocx, ct))?.Content;
        var finals = sp.GetRequiredService<DeliveryPlanner>().Finals(namnd, quarter, statistik, docx);
        await PublicGuard.CheckFinalsAsync(sp.GetRequiredService<LedgerStore>(), namnd.Id, quarter, statistik, finals, ct);
        return await sp.GetRequiredService<ApprovalStore>().ApproveAsync(namnd.Id, quarter.ToString(), by, finals, ct);
    }
}
