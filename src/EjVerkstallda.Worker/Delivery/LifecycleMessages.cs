using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Worker.Options;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The messages of a lifecycle step: the version's stored statistikrapport (the approved bytes) to each role the step names.
/// The message id holds the version and the purpose, so a correction is a new message and a repeated step is the same one.
/// </summary>
public static class LifecycleMessages
{
    public static string MessageId(string namnd, Kvartal q, int version, Send send) => send.Purpose switch
    {
        Purpose.Decided => $"decision.{namnd}.{q}.v{version}.{send.To.ToCode()}",
        Purpose.Rattelse => $"rattelse.{namnd}.{q}.v{version}.{send.To.ToCode()}",
        _ => $"final.{namnd}.{q}.v{version}.{send.To.ToCode()}",
    };

    public static string PurposeCode(Purpose p) => p switch
    {
        Purpose.ForNamnd => "namnd",
        Purpose.Decided => "beslut",
        Purpose.Rattelse => "rattelse",
        _ => "per_case",
    };

    /// <summary>Null when the role has no recipients configured.</summary>
    public static OutboxMessage? For(NamndOptions namnd, Kvartal q, int version, Send send, StatistikRapport statistik, byte[]? docx,
        NamndDecision? decision, int? replaces, IReadOnlyList<string> changes)
    {
        var to = send.To switch
        {
            Role.Namnd => namnd.Recipients.Namnd,
            Role.Fullmaktige => namnd.Recipients.Fullmaktige,
            _ => namnd.Recipients.Revisorer,
        };
        if (to.Count == 0) return null;
        var (subject, body) = LifecycleMailTexts.ForVersion(namnd.Namn, q, statistik.Totals, version, send, decision, replaces, changes);
        return new OutboxMessage
        {
            MessageId = MessageId(namnd.Id, q, version, send), Namnd = namnd.Id, Quarter = q.ToString(), Kind = OutboxKinds.Final,
            Role = send.To.ToCode(), Recipients = to, Subject = subject, Body = body,
            AttachmentName = docx is null ? null : DeliveryPlanner.AttachmentName(namnd, q), AttachmentType = DeliveryPlanner.DocxType, Attachment = docx,
        };
    }
}
