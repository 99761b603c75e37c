using System.Globalization;
using System.Text;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Core.Statistik;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The Swedish cover texts of the statistikrapport as the lifecycle sends it: to the nämnd when approved, to kommunfullmäktige
/// and the revisorer with the nämnd's decision, and as a "Rättelse" to whoever had an earlier version. Public: counts, the
/// quarter's own dates and the decision's date and paragraph only.
/// </summary>
public static class LifecycleMailTexts
{
    public static string BaseSubject(string namndNamn, Kvartal q) =>
        $"Rapportering av ej verkställda gynnande beslut, {MailTexts.QuarterName(q)} – {namndNamn}";

    public static (string Subject, string Body) ForVersion(string namndNamn, Kvartal q, StatistikTotals t, int version, Send send,
        NamndDecision? decision, int? replaces, IReadOnlyList<string> changes)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Hej,").AppendLine();
        if (send.Purpose == Purpose.Rattelse) Rattelse(sb, version, replaces, changes);
        sb.AppendLine($"Bifogat finns {namndNamn}s rapport om ej verkställda gynnande beslut enligt SoL och LSS för {MailTexts.QuarterName(q)} (skäringsdag {Day(q.ReportingDay)}).");
        sb.AppendLine($"Vid kvartalets slut var {t.Open} beslut inte verkställda inom tre månader: {t.OpenSoL} enligt SoL och {t.OpenLss} enligt LSS.");
        sb.AppendLine();
        sb.AppendLine(send.Purpose switch
        {
            Purpose.Decided when decision is not null => $"Nämnden beslutade {Day(decision.Date)} ({decision.Paragraph}) att överlämna rapporten till kommunfullmäktige.",
            _ when send.To == Role.Namnd => "Rapporten är godkänd av förvaltningen och lämnas till nämnden inför sammanträdet. När nämnden har beslutat om den överlämnas den till kommunfullmäktige.",
            _ => "Den rättade versionen är godkänd av förvaltningen och lämnas till nämnden, som beslutar om den.",
        });
        if (send.To == Role.Revisorer)
        {
            sb.AppendLine();
            sb.AppendLine("Revisorerna får samma rapporter per ärende som Inspektionen för vård och omsorg (IVO). De omfattas av sekretess");
            sb.AppendLine("och lämnas genom en skyddad kanal, aldrig som vanlig e-post.");
        }
        sb.AppendLine();
        sb.AppendLine("Rapporten är avidentifierad och kan lämnas ut som allmän handling.");
        return (Subject(namndNamn, q, version, send, decision, replaces), sb.ToString());
    }

    private static string Subject(string namndNamn, Kvartal q, int version, Send send, NamndDecision? decision, int? replaces) => send.Purpose switch
    {
        Purpose.Rattelse => $"Rättelse: {BaseSubject(namndNamn, q)} (version {version} ersätter version {replaces})",
        Purpose.Decided when decision is not null => $"{BaseSubject(namndNamn, q)} – nämndens beslut {Day(decision.Date)} {decision.Paragraph}{(version > 1 ? $" (version {version})" : "")}",
        _ => BaseSubject(namndNamn, q) + (version > 1 ? $" (version {version})" : ""),
    };

    private static void Rattelse(StringBuilder sb, int version, int? replaces, IReadOnlyList<string> changes)
    {
        sb.AppendLine($"RÄTTELSE: detta är version {version} av rapporten. Den ersätter version {replaces}, som ni har fått tidigare,");
        sb.AppendLine("eftersom uppgifterna i verksamhetssystemet har rättats.");
        if (changes.Count == 0) sb.AppendLine("Inga antal i statistikrapporten har ändrats; rättelsen gäller underlaget per ärende.");
        else
        {
            sb.AppendLine("Ändrade antal (tidigare → nu):");
            foreach (var c in changes) sb.AppendLine("  " + c);
        }
        sb.AppendLine();
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
