using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The revisorer's protected channel, per <c>Ejv:Namnder:N:Revisorer:Delivery</c>: <c>smime</c>, an e-mail whose body and
/// attachment are encrypted (when it is sent) to every configured certificate; <c>folder</c>, the document written to the
/// protected folder; <c>none</c>, nothing. Both go through the outbox, recorded in the approval's transaction; the message id
/// holds nämnd, quarter and version, so a version is delivered once and a correction (a new version) once more.
/// </summary>
public sealed class RevisorChannel : IRevisorChannel
{
    public string DeliveryOf(NamndOptions namnd) => namnd.Revisorer.Delivery.Trim().ToLowerInvariant();

    public IReadOnlyList<OutboxMessage> PerCaseReports(NamndOptions namnd, Kvartal quarter, int version, IvoUnderlag underlag, bool rattelse)
    {
        ArgumentNullException.ThrowIfNull(namnd);
        ArgumentNullException.ThrowIfNull(underlag);
        if (underlag.Namnd != namnd.Id || underlag.Quarter != quarter.ToString())
            throw new ArgumentException($"the underlag is of {underlag.Namnd} {underlag.Quarter}, not of {namnd.Id} {quarter}", nameof(underlag));
        if (underlag.PreviewAsOf is not null)
            throw new ArgumentException("a preview (dry run) is never delivered to the revisorer", nameof(underlag));
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var delivery = DeliveryOf(namnd);
        if (delivery == RevisorerOptions.None) return [];
        var xlsx = RevisorRapportXlsxRenderer.Render(new RevisorRapportHeader(namnd.Namn, quarter.ToString(), quarter.ReportingDay, version, rattelse), underlag.Reports);
        var message = new OutboxMessage
        {
            MessageId = $"percase.{namnd.Id}.{quarter}.v{version}.{delivery}",
            Namnd = namnd.Id, Quarter = quarter.ToString(), Kind = OutboxKinds.PerCase, Role = "revisorer",
            Recipients = [], Subject = Subject(namnd, quarter, version, rattelse), Body = Body(namnd, quarter, version, rattelse, underlag.Reports.Count),
            AttachmentName = FileName(namnd, quarter, version, rattelse), AttachmentType = RevisorRapportXlsxRenderer.ContentType, Attachment = xlsx,
        };
        return delivery == RevisorerOptions.Smime
            ? [message with { Recipients = namnd.Recipients.Revisorer, EncryptTo = namnd.Revisorer.Certificates.Select(Path.GetFullPath).ToList() }]
            : [message with { Channel = OutboxChannels.Folder, Destination = Path.GetFullPath(namnd.Revisorer.FolderPath) }];
    }

    /// <summary>Named by nämnd, quarter and version (and "rattelse"), so no version ever takes an earlier one's name.</summary>
    public static string FileName(NamndOptions namnd, Kvartal q, int version, bool rattelse) =>
        $"ej-verkstallda-{namnd.Id}-{q}-v{version}{(rattelse ? "-rattelse" : "")}.xlsx";

    /// <summary>The one line that travels in clear text: what it is, never what it holds.</summary>
    public static string Subject(NamndOptions namnd, Kvartal q, int version, bool rattelse) =>
        $"{(rattelse ? "Rättelse: " : "")}Rapporter om ej verkställda beslut {MailTexts.QuarterName(q)}, version {version} – {namnd.Namn}";

    private static string Body(NamndOptions namnd, Kvartal q, int version, bool rattelse, int count) =>
        $"""
        Till revisorerna

        Bifogat finns {namnd.Namn}s rapporter om ej verkställda gynnande beslut enligt SoL och LSS för {MailTexts.QuarterName(q)}, version {version}: {count} rapport(er), samma uppgifter som rapporterats till IVO, även rapporter om verkställighet och avslut (SoL 2001:453 16 kap. 6 f–g §§, SoL 2025:400 34 kap. 1–2 §§, LSS 28 f–g §§).
        {(rattelse ? $"\nRÄTTELSE: denna version ersätter den tidigare versionen av kvartalets rapporter.\n" : "")}
        Dokumentet innehåller uppgifter om enskilda och omfattas av sekretess. Det har skickats krypterat till revisorernas certifikat; spara det inte okrypterat.

        Meddelandet skickades automatiskt av EjVerkställda.
        """;
}
