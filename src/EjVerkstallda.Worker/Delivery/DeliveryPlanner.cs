using EjVerkstallda.Core.Ivo;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>Decides which messages a run, a reminder or a failure causes, and gives each a stable id (the lifecycle's: <see cref="LifecycleMessages"/>).</summary>
public sealed class DeliveryPlanner(EjvOptions options)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public IvoWindow WindowOf(Kvartal q) => IvoWindow.For(q, options.Ivo.WindowPairs());

    /// <param name="today">The kommun's date the draft is made: after the IVO window it says the reports are overdue.</param>
    /// <param name="lc">The version the run made or kept; its number is in the id from version 2 on (version 1 keeps the id it always had).</param>
    public IReadOnlyList<OutboxMessage> Draft(QuarterResult r, string statistikJson, byte[]? docx, DateOnly today, DraftLifecycle? lc = null)
    {
        var to = r.Namnd.Recipients.Handlaggare;
        if (to.Count == 0) return [];
        var window = WindowOf(r.Quarter);
        var (subject, body) = MailTexts.Draft(r, window.StatusOn(today, options.Ivo.RemindDaysBefore, r.Reports.Count), lc);
        // The id depends on the result and the version, not on the day: the same result run again is the same draft, recorded once.
        var (_, sameEveryDay) = MailTexts.Draft(r, window.StatusOn(window.Opens, 0, r.Reports.Count), lc);
        var version = lc is { Version: > 1 } ? $"v{lc.Version}." : "";
        OutboxMessage[] underlag = HandlaggareUnderlag.For(r) is { } encrypted ? [encrypted] : [];
        return
        [
            new OutboxMessage
            {
                MessageId = $"draft.{r.Namnd.Id}.{r.Quarter}.{version}{MailTexts.Hash(sameEveryDay, statistikJson)}",
                Namnd = r.Namnd.Id, Quarter = r.Quarter.ToString(), Kind = OutboxKinds.Draft, Role = "handlaggare",
                Recipients = to, Subject = subject, Body = body,
                AttachmentName = docx is null ? null : AttachmentName(r.Namnd, r.Quarter), AttachmentType = DocxType, Attachment = docx,
            },
            .. underlag,
        ];
    }

    public OutboxMessage? WindowReminder(NamndOptions namnd, Kvartal q, int unsubmitted)
    {
        if (namnd.Recipients.Handlaggare.Count == 0) return null;
        var window = WindowOf(q);
        var (subject, body) = MailTexts.WindowReminder(namnd.Namn, namnd.Id, q, window, unsubmitted);
        return new OutboxMessage
        {
            MessageId = $"reminder.window.{namnd.Id}.{q}", Namnd = namnd.Id, Quarter = q.ToString(), Kind = OutboxKinds.Reminder,
            Role = "handlaggare", Recipients = namnd.Recipients.Handlaggare, Subject = subject, Body = body,
        };
    }

    /// <summary>After the IVO window has closed with reports not marked entered: once per quarter.</summary>
    public OutboxMessage? OverdueReminder(NamndOptions namnd, Kvartal q, IvoWindowStatus window)
    {
        if (namnd.Recipients.Handlaggare.Count == 0) return null;
        var (subject, body) = MailTexts.OverdueReminder(namnd.Namn, namnd.Id, q, window);
        return new OutboxMessage
        {
            MessageId = $"reminder.overdue.{namnd.Id}.{q}", Namnd = namnd.Id, Quarter = q.ToString(), Kind = OutboxKinds.Reminder,
            Role = "handlaggare", Recipients = namnd.Recipients.Handlaggare, Subject = subject, Body = body,
        };
    }

    public OutboxMessage? ClosingReminder(NamndOptions namnd, string beslutId, string kind, string status)
    {
        if (namnd.Recipients.Handlaggare.Count == 0) return null;
        var (subject, body) = MailTexts.ClosingReminder(namnd.Namn, namnd.Id, beslutId, kind, status);
        return new OutboxMessage
        {
            MessageId = $"reminder.closing.{namnd.Id}.{MailTexts.Hash(beslutId, kind)}", Namnd = namnd.Id, Kind = OutboxKinds.Reminder,
            Role = "handlaggare", Recipients = namnd.Recipients.Handlaggare, Subject = subject, Body = body,
        };
    }

    /// <summary>An alert to the administrators; <paramref name="key"/> makes it once per cause.</summary>
    public OutboxMessage? Alert(string namndId, string? quarter, string what, string reason, string key)
    {
        var namnd = options.Namnder.FirstOrDefault(n => n.Id == namndId);
        var to = options.Mail.Administrator.Concat(namnd?.Recipients.Administrator ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (to.Count == 0) return null;
        var (subject, body) = MailTexts.Alert(what, namndId, quarter, reason);
        return new OutboxMessage
        {
            MessageId = $"alert.{MailTexts.Hash(key)}", Namnd = namndId, Quarter = quarter, Kind = OutboxKinds.Alert, Role = "administrator",
            Recipients = to, Subject = subject, Body = body,
        };
    }

    public OutboxMessage? AlertForFailedMessage(OutboxMessage failed) =>
        Alert(failed.Namnd, failed.Quarter, $"e-mail {failed.MessageId} could not be delivered", "the mail server refused it permanently (see ejv status)", "failed:" + failed.MessageId);

    public static string AttachmentName(NamndOptions namnd, Kvartal q) => $"Statistikrapport {MailTexts.QuarterName(q)} – {namnd.Namn}.docx";

}
