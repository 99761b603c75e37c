namespace EjVerkstallda.Worker.Options;

/// <summary><c>Ejv:Schedule</c>: when the service works. Cron expressions are Quartz's (seconds first) and validated at start.</summary>
public sealed class ScheduleOptions
{
    /// <summary>When to look for quarters that are due (daily at 06:00 by default). The ledger decides what is due.</summary>
    public string QuarterlyCron { get; set; } = "0 0 6 * * ?";

    /// <summary>A quarter is due this many days after its last day (time for late registrations in the case system).</summary>
    public int RunDelayDays { get; set; } = 5;

    /// <summary>IVO-window and closing-report reminders, automatic approval.</summary>
    public string ReminderCron { get; set; } = "0 0 7 * * ?";

    /// <summary>How often the outbox is retried.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Use Quartz's clustered ADO job store in the state database (PostgreSQL or SQL Server) so several instances share the work.</summary>
    public bool Clustered { get; set; }

    /// <summary>The health endpoint's URL prefix (HttpListener form, ending in '/'); loopback by default; empty turns it off.</summary>
    public string HealthUrl { get; set; } = "http://127.0.0.1:8787/";
}
