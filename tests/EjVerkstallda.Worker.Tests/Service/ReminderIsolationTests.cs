using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// Defect 14: one failed automatic approval must not drop the reminders and approvals of the other nämnder (or its own other
/// reminders). In process, with a fake clock: two nämnder run 2026Q3 on 2026-11-24; a day later both drafts are due for
/// automatic approval, B-2 (verkställd 2026-11-20) is owed a closing report in both, and 2026Q3's IVO window is overdue.
/// </summary>
[TestFixture]
public sealed class ReminderIsolationTests
{
    private static readonly DateTimeOffset RunDay = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task CheckAsync_OneNamndsAutoApprovalFails_OtherNamndAndOwnRemindersGoOn()
    {
        var settings = InProcessEjv.Namnd(0, "a", ("AutoApproveAfter", "1.00:00:00"))
            .Concat(InProcessEjv.Namnd(1, "b", ("AutoApproveAfter", "1.00:00:00")))
            .ToDictionary();
        await using var ejv = await InProcessEjv.StartAsync(RunDay, settings);
        var q = Kvartal.Parse("2026Q3");
        foreach (var n in ejv.Options.Namnder) await ejv.Get<QuarterlyRunner>().RunAsync(n, q, dryRun: false, CancellationToken.None);
        // a's public report is not in the state store, as when the anonymity guard stopped it: its approval fails.
        await DropPublicReportAsync(ejv, "a");
        ejv.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var result = await ejv.Get<ReminderService>().CheckAsync(CancellationToken.None);

        var outbox = ejv.Get<OutboxStore>();
        var a = await outbox.ListAsync("a", CancellationToken.None);
        var b = await outbox.ListAsync("b", CancellationToken.None);
        var approvals = (await ejv.Get<Infrastructure.State.LifecycleStore>().LoadAllAsync("b", CancellationToken.None)).Where(l => !l.AwaitsApproval);
        Assert.Multiple(() =>
        {
            Assert.That(result.AutoApproved, Is.EqualTo(1), "b is approved");
            Assert.That(approvals.Select(x => x.Quarter.ToString()), Is.EqualTo(new[] { "2026Q3" }));
            Assert.That(result.Recorded, Is.EqualTo(4), "both nämnder' closing reminders and IVO-overdue reminders (the window closed 2026-10-31) are recorded");
            Assert.That(a.Count(m => m.MessageId.StartsWith("reminder.closing.a.", StringComparison.Ordinal)), Is.EqualTo(1), "a's own reminder");
            Assert.That(b.Count(m => m.MessageId.StartsWith("reminder.closing.b.", StringComparison.Ordinal)), Is.EqualTo(1), "b's reminder");
            Assert.That(a.Count(m => m.Kind == OutboxKinds.Alert && m.Quarter == "2026Q3"), Is.EqualTo(1), "the administrator is told of a's failure");
            Assert.That(ejv.LogLines.Count(l => l.Contains("automatic approval of nämnd a", StringComparison.Ordinal)), Is.EqualTo(1), string.Join('\n', ejv.LogLines));
        });
    }

    [Test]
    public async Task CheckAsync_FailureRecordedOnce_NextDayTriesAgainWithoutASecondAlert()
    {
        var settings = InProcessEjv.Namnd(0, "a", ("AutoApproveAfter", "1.00:00:00"));
        await using var ejv = await InProcessEjv.StartAsync(RunDay, settings);
        await ejv.Get<QuarterlyRunner>().RunAsync(ejv.Options.Namnder[0], Kvartal.Parse("2026Q3"), dryRun: false, CancellationToken.None);
        await DropPublicReportAsync(ejv, "a");
        ejv.Clock.Advance(TimeSpan.FromDays(2));

        await ejv.Get<ReminderService>().CheckAsync(CancellationToken.None);
        ejv.Clock.Advance(TimeSpan.FromDays(1));
        var second = await ejv.Get<ReminderService>().CheckAsync(CancellationToken.None);

        var alerts = (await ejv.Get<OutboxStore>().ListAsync("a", CancellationToken.None)).Count(m => m.Kind == OutboxKinds.Alert);
        Assert.Multiple(() =>
        {
            Assert.That(second.AutoApproved, Is.Zero);
            Assert.That(alerts, Is.EqualTo(1), "one alert per cause, not one a day");
            Assert.That(ejv.LogLines.Count(l => l.Contains("automatic approval of nämnd a", StringComparison.Ordinal)), Is.EqualTo(2), "logged each time it is tried");
        });
    }

    private static async Task DropPublicReportAsync(InProcessEjv ejv, string namnd)
    {
        await using var c = await ejv.Get<Infrastructure.State.StateDb>().OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM ejv_version_document WHERE namnd_id = @namnd AND name = @name";
        Add(cmd, "@namnd", namnd);
        Add(cmd, "@name", OutputNames.StatistikJson);
        Assert.That(await cmd.ExecuteNonQueryAsync(), Is.EqualTo(1), "the stored public report");
    }

    private static void Add(System.Data.Common.DbCommand cmd, string name, string value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
