namespace EjVerkstallda.Worker.Options;

/// <summary><c>Ejv:Mail</c>: how e-mail leaves the product.</summary>
public sealed class MailOptions
{
    /// <summary><c>pickup</c> (the embedded default: one .eml file per message in <see cref="PickupFolder"/>) or <c>smtp</c>.</summary>
    public string Delivery { get; set; } = "pickup";

    public string PickupFolder { get; set; } = "demo/mail";

    public string From { get; set; } = "";

    /// <summary>Receives alerts (a failed run, a message that cannot be delivered) for every nämnd, besides each nämnd's own.</summary>
    public List<string> Administrator { get; set; } = [];

    public Infrastructure.Mail.SmtpOptions Smtp { get; set; } = new();

    public MailRetryOptions Retry { get; set; } = new();

    /// <summary>How long a sender holds a message it is sending; if it dies, another may send the message after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary><c>Ejv:Mail:Retry</c>: Polly retries within one attempt, then the outbox tries again later.</summary>
public sealed class MailRetryOptions
{
    /// <summary>Tries within one dispatch (transient faults only).</summary>
    public int Attempts { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a dispatch gave up on a transient fault, the next try waits this long, doubling up to <see cref="MaxRetryLater"/>.</summary>
    public TimeSpan RetryLater { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxRetryLater { get; set; } = TimeSpan.FromHours(1);
}

/// <summary><c>Ejv:Namnder:N:Recipients</c>: addresses per role.</summary>
public sealed class RecipientsOptions
{
    /// <summary>Gets the draft and reminders (the avgiftshandläggare or utredare).</summary>
    public List<string> Handlaggare { get; set; } = [];

    /// <summary>The nämnd's registrator or sekreterare: the final report.</summary>
    public List<string> Namnd { get; set; } = [];

    /// <summary>Kommunfullmäktige (its registrator): the final report.</summary>
    public List<string> Fullmaktige { get; set; } = [];

    /// <summary>The revisorer: the final report (the law requires them to be told each quarter).</summary>
    public List<string> Revisorer { get; set; } = [];

    /// <summary>Alerts for this nämnd, besides <c>Ejv:Mail:Administrator</c>.</summary>
    public List<string> Administrator { get; set; } = [];
}

/// <summary><c>Ejv:Ivo</c>.</summary>
public sealed class IvoOptions
{
    /// <summary>IVO's reporting windows, Q1 to Q4, as "MM-DD" pairs. Default: the windows verified for 2019.</summary>
    public List<IvoWindowOptions> Windows { get; set; } = [];

    /// <summary>Remind the handläggare this many days before a window closes while reports are not marked submitted.</summary>
    public int RemindDaysBefore { get; set; } = 7;

    public IReadOnlyList<(string Opens, string Closes)> WindowPairs() =>
        Windows.Count == 4 ? Windows.Select(w => (w.Opens, w.Closes)).ToList() : Core.Ivo.IvoWindow.Default2019;
}

public sealed class IvoWindowOptions
{
    public string Opens { get; set; } = "";
    public string Closes { get; set; } = "";
}
