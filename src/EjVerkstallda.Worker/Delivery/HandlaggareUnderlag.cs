using System.Text.Json;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The confidential IVO underlag (.xlsx) to the handläggare, beside the draft, when <c>Ejv:Namnder:N:Handlaggare:Certificates</c>
/// is configured: the same protected channel as the revisorer's (S/MIME to those certificates when it is sent). Without a
/// certificate nothing changes: the underlag stays in the output folder and the draft carries only the statistikrapport.
/// </summary>
public static class HandlaggareUnderlag
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static OutboxMessage? For(QuarterResult r)
    {
        var certificates = r.Namnd.Handlaggare.Certificates;
        var to = r.Namnd.Recipients.Handlaggare;
        if (certificates.Count == 0 || to.Count == 0 || r.DryRun) return null;
        IEqualityComparer<IvoReport> same = ReferenceEqualityComparer.Instance;
        var ivoIds = r.Reports.Zip(r.Underlag.Reports).ToDictionary(p => p.First, p => p.Second.IvoId, same);
        var xlsx = IvoUnderlagXlsxRenderer.Render(r.Reports, report => ivoIds.GetValueOrDefault(report), r.Problems,
            Core.Avgift.AvgiftRiskRule.Assess(r.Reports, r.PreviewAsOf ?? r.Quarter.ReportingDay));
        var q = MailTexts.QuarterName(r.Quarter);
        return new OutboxMessage
        {
            // The content decides the id: the same result run again is the same message, recorded once.
            MessageId = $"underlag.{r.Namnd.Id}.{r.Quarter}.{MailTexts.Hash(JsonSerializer.Serialize(r.Underlag, OutputFiles.Json))}",
            Namnd = r.Namnd.Id, Quarter = r.Quarter.ToString(), Kind = OutboxKinds.Draft, Role = "handlaggare", Recipients = to,
            Subject = $"IVO-underlag (krypterat): ej verkställda beslut {q} – {r.Namnd.Namn}",
            Body = $"""
                Bifogat finns IVO-underlaget för {r.Namnd.Namn}, {q}: {r.Reports.Count} rapport(er) att lägga in i IVO:s e-tjänst.
                Det innehåller uppgifter om enskilda och omfattas av sekretess; meddelandet är krypterat till handläggarnas certifikat.

                Meddelandet skickades automatiskt av EjVerkställda.
                """,
            AttachmentName = $"IVO-underlag {r.Quarter} – {r.Namnd.Namn}.xlsx", AttachmentType = XlsxType, Attachment = xlsx,
            EncryptTo = certificates.Select(Path.GetFullPath).ToList(),
        };
    }
}
