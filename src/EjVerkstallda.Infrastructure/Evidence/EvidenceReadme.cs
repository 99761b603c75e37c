using System.Text;

namespace EjVerkstallda.Infrastructure.Evidence;

/// <summary>The Swedish README.txt of the evidence pack: what each file is, where it comes from, and how to check it.</summary>
public static class EvidenceReadme
{
    public static string Text(EvidenceData d, DateTimeOffset createdAt)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Underlag för granskning: ej verkställda gynnande beslut, nämnd {d.Namnd}, kvartal {d.Quarter}");
        sb.AppendLine($"Skapat {State.StateDb.Format(createdAt)} (UTC) av EjVerkställda ur tillståndsdatabasen, som är källan för allt som rapporterats och skickats.");
        sb.AppendLine();
        sb.AppendLine("SEKRETESS: Paketet innehåller uppgifter per ärende (beslut-id, IVO-identifierare, datum, skäl för dröjsmålet) och");
        sb.AppendLine("omfattas av socialtjänstsekretess (OSL 26 kap. 1 §). Det är avsett för kommunens revisorer eller JO. Namn,");
        sb.AppendLine("personnummer och födelsedatum finns inte i paketet. Förvara och skicka det skyddat.");
        sb.AppendLine();
        sb.AppendLine("Innehåll");
        sb.AppendLine("  README.txt           den här texten");
        sb.AppendLine("  manifest.json        varje annan fil i paketet med storlek (byte) och SHA-256");
        sb.AppendLine("  dokument/version-N/  varje versions dokument så som de sparades vid körningen: statistikrapporten (.json, .docx),");
        sb.AppendLine("                       exakt som den passerade anonymitetskontrollen, och IVO-underlaget (ivo-underlag.json)");
        sb.AppendLine("                       det som skickades för en version är exakt dessa filer");
        sb.AppendLine("  dokument/senaste-korning/  samma dokument från kvartalets senaste körning");
        sb.AppendLine("  dokument.json        dokumentens SHA-256, den SHA-256 som sparades när de skrevs, om de stämmer, körning och tid");
        sb.AppendLine("  versioner.json       varje version av kvartalets rapport: status, vem som godkände den och när, nämndens beslut");
        sb.AppendLine("                       (datum, paragraf) och vem som registrerade det och när, när den ersattes av en rättelse");
        sb.AppendLine("  leveranser.json      vad som skickades för varje version, till vilken mottagarroll, varför och genom vilken kanal");
        sb.AppendLine("  handelser.json       händelseloggen (kan inte ändras i efterhand): vem, när, vad, från vilken version till vilken");
        sb.AppendLine("  meddelanden.json     varje e-postmeddelande som registrerats för kvartalet: mottagarroll, adresser, när det");
        sb.AppendLine("                       registrerades och skickades, status, försök, Message-ID. Inga brödtexter: bara brödtextens");
        sb.AppendLine("                       och bilagans SHA-256, så att en kopia i ett e-postarkiv kan jämföras");
        sb.AppendLine("  ivo-rapporter.json   kvartalets rapporter till IVO och vem som markerade dem som inlagda i IVO:s e-tjänst, och när");
        sb.AppendLine("  datakvalitet.json    rader i verksamhetssystemet som inte kunde bedömas eller behöver kontrolleras");
        sb.AppendLine("  korningar.json       körloggen: varje riktig körning av kvartalet (provkörningar sparas inte), utfall och antal");
        sb.AppendLine();
        sb.AppendLine($"Antal: {d.Documents.Count} dokument, {d.Versions.Count} version(er), {d.Audit.Count} händelse(r), {d.Messages.Count} meddelande(n), " +
                      $"{d.IvoReports.Count} IVO-rapport(er), {d.DataQuality.Count} datakvalitetsanmärkning(ar), {d.Runs.Count} körning(ar).");
        sb.AppendLine();
        sb.AppendLine("Kontroll");
        sb.AppendLine("  Varje fil ska ha den SHA-256 som manifest.json anger (manifest.json själv står inte i listan), till exempel:");
        sb.AppendLine("    sha256sum dokument/version-1/statistikrapport.docx      (Linux)");
        sb.AppendLine("    Get-FileHash dokument\\version-1\\statistikrapport.docx   (Windows PowerShell)");
        sb.AppendLine("  I dokument.json ska hashMatchesStore vara true för varje dokument: då är dokumentet oförändrat sedan körningen.");
        sb.AppendLine("  Tider anges i UTC (ISO 8601). Datum är kalenderdagar i kommunens tidszon.");
        return sb.ToString();
    }
}
