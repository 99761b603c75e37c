using System.Globalization;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv decision --quarter Q --date YYYY-MM-DD --paragraph "§ 45" [--namnd ID] [--by NAME]</c>: records the nämnd's decision
/// on the quarter's approved version, as the OS account running the command. The statistikrapport, with the decision's date
/// and paragraph, then goes to kommunfullmäktige and the revisorer (once: the same decision again sends nothing).
/// </summary>
public static class DecisionCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var dateText = cli.Single("--date") ?? throw new UsageException("give --date with the day of the nämnd's meeting, e.g. --date 2024-04-24");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"--date must be a day written YYYY-MM-DD, e.g. 2024-04-24 (was '{dateText}')");
        var paragraph = cli.Single("--paragraph") ?? throw new UsageException("give --paragraph with the paragraph of the nämnd's protocol, e.g. --paragraph \"§ 45\"");
        var c = await LifecycleCommand.OpenAsync(cli, sp, ct);
        foreach (var namnd in c.Namnder)
            ApproveCommand.Report(await c.Lifecycle.DecideAsync(namnd, c.Quarter, c.By, date, paragraph, ct));
        return await MailCommand.DispatchAndReportAsync(sp, ct);
    }
}
