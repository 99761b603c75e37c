using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Ivo;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The Swedish texts of every e-mail. Bodies carry counts, beslut ids (for the handläggare only) and commands; never names,
/// personnummer, birth dates, IVO identifiers or free text from the case system.
/// </summary>
public static class MailTexts
{
    public static string QuarterName(Kvartal q) => $"kvartal {q.Number} {q.Year}";

    /// <param name="window">The IVO window's state on the day the draft is made (overdue after it has closed).</param>
    /// <param name="lc">The version the run made or kept (the lifecycle); null: version 1, no web page.</param>
    public static (string Subject, string Body) Draft(QuarterResult r, IvoWindowStatus window, DraftLifecycle? lc = null)
    {
        var q = r.Quarter;
        var page = lc?.QuarterPage;
        var sb = new StringBuilder();
        sb.AppendLine("Hej,").AppendLine();
        sb.AppendLine($"EjVerkställda har gjort kvartalskörningen för {r.Namnd.Namn}, {QuarterName(q)} (skäringsdag {Day(q.ReportingDay)}).").AppendLine();
        LifecycleDraftTexts.Version(sb, lc);
        if (r.Reports.Count == 0)
        {
            sb.AppendLine("Inget att rapportera till IVO detta kvartal. IVO tar inte emot nollrapporter, så inget ska registreras i e-tjänsten.");
            sb.AppendLine("Statistikrapporten till kommunfullmäktige görs ändå och anger noll.").AppendLine();
        }
        else
        {
            sb.AppendLine($"Rapporter till IVO och revisorerna detta kvartal: {r.Reports.Count}");
            sb.AppendLine($"  Nya:                          {r.Count(ReportStatus.Ny)}");
            sb.AppendLine($"  Kvarstår sedan tidigare:      {r.Count(ReportStatus.Kvarstar)}");
            sb.AppendLine($"  Verkställda (återrapport):    {r.Count(ReportStatus.Verkstalld)}");
            sb.AppendLine($"  Avslutade (återrapport):      {r.Count(ReportStatus.Avslutad)}");
            sb.AppendLine($"  Varav sent rapporterade:      {r.Reports.Count(x => x.Late)}");
            sb.AppendLine($"Per lag: SoL {r.Reports.Count(x => x.Lag == Core.Beslut.Lag.SoL)}, LSS {r.Reports.Count(x => x.Lag == Core.Beslut.Lag.LSS)} " +
                          $"(ej verkställda {r.Reports.Count(x => x.Kind == CaseKind.EjVerkstallt)}, avbrott {r.Reports.Count(x => x.Kind == CaseKind.Avbrott)})").AppendLine();
            AvgiftMailText.Append(sb, r.Underlag.AvgiftRisk);
            sb.AppendLine(window.State == IvoWindowState.Overdue
                ? $"IVO:s fönster för kvartalet stängde {Day(window.Closes)}: rapporterna är försenade. Lägg in dem i IVO:s e-tjänst snarast."
                : $"IVO:s e-tjänst tar emot kvartalets rapporter {Day(window.Opens)}–{Day(window.Closes)}. Sista dag: {Day(window.Closes)}.");
            sb.AppendLine($"Underlaget per ärende omfattas av sekretess och skickas inte med e-post. Det finns i {r.OutputFolder}");
            LifecycleDraftTexts.IvoSteps(sb, r.Namnd.Id, q, page);
        }
        sb.AppendLine($"Manuell hantering (skyddade personuppgifter eller saknat födelsedatum/kön): {r.Underlag.ManualHandling.Count}");
        foreach (var m in r.Underlag.ManualHandling) sb.AppendLine($"  {m.BeslutId} ({Etiketter.Kind(m.Kind)}): {Etiketter.ManualReason(m.Reason)}");
        sb.AppendLine();
        sb.AppendLine($"Datakvalitet: {r.Problems.Count} anmärkning(ar) på rader i verksamhetssystemet");
        foreach (var p in r.Problems) sb.AppendLine($"  {p.BeslutId ?? "(utan beslut_id)"}: {Core.Beslut.DataQualityReasons.Svenska(p.Problem)}{(p.Excluded ? " (ej bedömd)" : "")}");
        sb.AppendLine();
        PendingInsatsNamn(sb, r);
        if (r.PublicBlocked is not null)
        {
            sb.AppendLine("OBS: Anonymitetskontrollen stoppade statistikrapporten, så den skrivs inte och kan inte godkännas.");
            sb.AppendLine($"Fynd (typ och plats, aldrig värdet): {r.PublicBlocked}");
            sb.AppendLine("Kontrollera insatsernas benämningar och nämndens texter i konfigurationen, kör sedan kvartalet igen.");
            return ($"Utkast (statistikrapport stoppad): ej verkställda beslut {QuarterName(q)} – {r.Namnd.Namn}", sb.ToString());
        }
        LifecycleDraftTexts.NextStep(sb, r.Namnd.Id, q, lc);
        return ($"{LifecycleDraftTexts.SubjectPrefix(lc)}: ej verkställda beslut {QuarterName(q)} – {r.Namnd.Namn}", sb.ToString());
    }

    /// <summary>
    /// Insatser printed under a neutral heading until the kommun approves a public name. The catalogue's text is shown here
    /// (the draft goes only to the handläggare), never in a public document.
    /// </summary>
    private static void PendingInsatsNamn(StringBuilder sb, QuarterResult r)
    {
        if (r.PendingInsatsNamn.Count == 0) return;
        sb.AppendLine("Insatsnamn som väntar på godkännande:");
        foreach (var i in r.PendingInsatsNamn) sb.AppendLine($"  {i.Kod} – {Core.Beslut.PrintableText.Of(i.Benamning)}");
        sb.AppendLine("De redovisas under ”Övriga insatser enligt SoL/LSS” i statistikrapporten tills ett publikt namn är godkänt");
        sb.AppendLine("(Ejv:Statistik:InsatsNamn:<kod> i konfigurationen). Skriv inga namn, adresser eller andra uppgifter om enskilda i namnet.");
        sb.AppendLine();
    }

    /// <summary>The public cover text of the final report: coded values and the quarter's own dates only.</summary>
    public static (string Subject, string Body) Final(string namndNamn, Kvartal q, int open, int openSol, int openLss, string role)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Hej,").AppendLine();
        sb.AppendLine($"Bifogat finns {namndNamn}s rapport om ej verkställda gynnande beslut enligt SoL och LSS för {QuarterName(q)} (skäringsdag {Day(q.ReportingDay)}).");
        sb.AppendLine($"Vid kvartalets slut var {open} beslut inte verkställda inom tre månader: {openSol} enligt SoL och {openLss} enligt LSS.");
        if (role == "revisorer")
        {
            sb.AppendLine();
            sb.AppendLine("Revisorerna ska få samma rapporter som Inspektionen för vård och omsorg (IVO). Underlaget per ärende omfattas av");
            sb.AppendLine("sekretess och skickas därför inte med e-post; förvaltningen lämnar det på begäran.");
        }
        sb.AppendLine();
        sb.AppendLine("Rapporten är avidentifierad och kan lämnas ut som allmän handling.");
        return ($"Rapportering av ej verkställda gynnande beslut, {QuarterName(q)} – {namndNamn}", sb.ToString());
    }

    public static (string Subject, string Body) WindowReminder(string namndNamn, string namndId, Kvartal q, IvoWindow window, int unsubmitted)
    {
        var body = $"""
            Hej,

            {unsubmitted} rapport(er) för {namndNamn}, {QuarterName(q)}, är inte markerade som inlagda i IVO:s e-tjänst.
            IVO:s fönster för kvartalet stänger {Day(window.Closes)}.

            Lista dem med:   ejv ivo list --quarter {q} --namnd {namndId}
            Markera dem med: ejv ivo submitted --quarter {q} --namnd {namndId} --all --by "Ditt namn"
            """;
        return ($"Påminnelse: IVO-rapporter {QuarterName(q)} – {namndNamn} (sista dag {Day(window.Closes)})", body);
    }

    public static (string Subject, string Body) OverdueReminder(string namndNamn, string namndId, Kvartal q, IvoWindowStatus window)
    {
        var body = $"""
            Hej,

            {window.Unsubmitted} rapport(er) för {namndNamn}, {QuarterName(q)}, är inte markerade som inlagda i IVO:s e-tjänst.
            IVO:s fönster för kvartalet stängde {Day(window.Closes)}: rapporterna är försenade. Lägg in dem snarast.

            Lista dem med:   ejv ivo list --quarter {q} --namnd {namndId}
            Markera dem med: ejv ivo submitted --quarter {q} --namnd {namndId} --all --by "Ditt namn"
            """;
        return ($"Försenat: IVO-rapporter {QuarterName(q)} – {namndNamn} (fönstret stängde {Day(window.Closes)})", body);
    }

    public static (string Subject, string Body) ClosingReminder(string namndNamn, string namndId, string beslutId, string kind, string status)
    {
        var what = status == "verkstalld" ? "verkställts (eller återupptagits)" : "avslutats";
        var body = $"""
            Hej,

            Beslut {beslutId} ({Etiketter.Kind(kind)}) hos {namndNamn} är rapporterat till IVO och har nu {what} enligt verksamhetssystemet.
            Återrapportering (verkställighet eller avslut) kan lämnas till IVO och revisorerna när som helst; vänta inte på kvartalet.
            Den kommer med i nästa kvartalskörning. Uppgifterna finns i underlaget: ejv ivo list --namnd {namndId} --quarter <kvartal>
            """;
        return ($"Återrapportering till IVO: beslut {beslutId} – {namndNamn}", body);
    }

    public static (string Subject, string Body) Alert(string what, string namndId, string? quarter, string reason)
    {
        var body = $"""
            EjVerkställda needs attention.

            What:    {what}
            Nämnd:   {namndId}
            Quarter: {quarter ?? "-"}
            Reason:  {Core.Beslut.PrintableText.Of(reason)}

            Check `ejv status` on the server. Messages that failed permanently are sent again with `ejv mail retry` once the cause is fixed.
            """;
        return ($"EjVerkställda: {what} ({namndId} {quarter})", body);
    }

    /// <summary>A short stable hash for message ids: the same content gives the same id, so it is recorded once.</summary>
    public static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts))))[..12].ToLowerInvariant();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
