using EjVerkstallda.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary><c>ejv mail send</c> sends what the outbox holds; <c>ejv mail retry</c> puts permanently failed messages back first.</summary>
public static class MailCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        await Dispatcher.MigrateAsync(sp, ct);
        switch (cli.Verbs.FirstOrDefault())
        {
            case "send":
                break;
            case "retry":
                var n = await sp.GetRequiredService<OutboxStore>().RetryFailedAsync(cli.Single("--namnd"), ct);
                Console.Out.WriteLine($"{n} failed message(s) queued again");
                break;
            default:
                throw new UsageException("use 'ejv mail send' or 'ejv mail retry [--namnd ID]'");
        }
        return await DispatchAndReportAsync(sp, ct);
    }

    /// <summary>Sends everything due and prints the one summary line on stdout; failures stay in the outbox.</summary>
    public static async Task<DispatchResult> DispatchQuietlyAsync(IServiceProvider sp, CancellationToken ct)
    {
        var r = await sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(ct);
        Console.Out.WriteLine($"mail: {r.Sent} sent, {r.RetryLater} waiting for a retry, {r.Failed} failed permanently");
        return r;
    }

    /// <summary>Sends everything due; exit 1 when something could not be delivered (it stays in the outbox).</summary>
    public static async Task<int> DispatchAndReportAsync(IServiceProvider sp, CancellationToken ct)
    {
        var r = await DispatchQuietlyAsync(sp, ct);
        if (r.RetryLater + r.Failed == 0) return EjvProgram.Ok;
        Console.Error.WriteLine($"ejv: {r.RetryLater + r.Failed} message(s) not delivered; they stay in the outbox (see ejv status)");
        return EjvProgram.Failed;
    }
}
