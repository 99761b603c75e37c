using System.Text;
using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The draft's lifecycle paragraphs in Swedish: which version this is, what a correction changed, and the next step
/// (approve, then the nämnd decides). With a web front end (<c>Ejv:Web:PublicUrl</c>) they link to the quarter's page
/// instead of giving commands. The text does not depend on the day or on later steps: the draft's message id is made from it.
/// </summary>
public static class LifecycleDraftTexts
{
    public static string SubjectPrefix(DraftLifecycle? lc) => lc switch
    {
        { Replaces: not null } => $"Utkast till rättelse (version {lc.Version})",
        { Version: > 1 } => $"Utkast (version {lc.Version})",
        _ => "Utkast",
    };

    public static void Version(StringBuilder sb, DraftLifecycle? lc)
    {
        if (lc is null || lc.Version == 1) return;
        if (lc.Replaces is not { } r)
        {
            sb.AppendLine($"Detta är version {lc.Version} av kvartalets rapport. Den ersätter det tidigare utkastet, eftersom resultatet har ändrats.").AppendLine();
            return;
        }
        sb.AppendLine($"RÄTTELSE: version {lc.Version} ersätter version {r}, som redan är godkänd och skickad. Resultatet har ändrats, så");
        sb.AppendLine($"den nya versionen måste godkännas. De som fick version {r} får då version {lc.Version} märkt \"Rättelse\".");
        if (lc.Changes.Count == 0) sb.AppendLine("Inga antal i statistikrapporten har ändrats; ändringen gäller underlaget per ärende.");
        else
        {
            sb.AppendLine("Ändrade antal i statistikrapporten (tidigare → nu):");
            foreach (var c in lc.Changes) sb.AppendLine("  " + c);
        }
        sb.AppendLine();
    }

    public static void IvoSteps(StringBuilder sb, string namnd, Kvartal q, string? page)
    {
        if (page is not null)
        {
            sb.AppendLine("(ivo-underlag.xlsx och ivo-underlag.json). Underlaget och markeringen av inlagda rapporter finns också på kvartalets sida:");
            sb.AppendLine($"  {page}").AppendLine();
            return;
        }
        sb.AppendLine("(ivo-underlag.xlsx och ivo-underlag.json). Lista det med:");
        sb.AppendLine($"  ejv ivo list --quarter {q} --namnd {namnd}");
        sb.AppendLine("När rapporterna är inlagda i IVO:s e-tjänst, markera dem med:");
        sb.AppendLine($"  ejv ivo submitted --quarter {q} --namnd {namnd} --all").AppendLine();
    }

    public static void NextStep(StringBuilder sb, string namnd, Kvartal q, DraftLifecycle? lc)
    {
        sb.AppendLine("Utkastet till statistikrapport (tjänsteskrivelse) är bifogat. Nästa steg:");
        sb.AppendLine("  1. Granska och godkänn utkastet. Då skickas statistikrapporten till nämnden (registrator) inför sammanträdet");
        sb.AppendLine("     och underlaget per ärende till revisorerna genom en skyddad kanal. Kommunfullmäktige får inget ännu.");
        sb.AppendLine("  2. Nämnden beslutar om rapporten. Registrera beslutet (datum och paragraf i protokollet); då överlämnas");
        sb.AppendLine("     rapporten till kommunfullmäktige och revisorerna.");
        if (lc?.QuarterPage is { } page)
        {
            sb.AppendLine($"Godkänn och registrera beslutet på kvartalets sida: {page}");
            return;
        }
        sb.AppendLine("Godkänn med:");
        sb.AppendLine($"  ejv approve --quarter {q} --namnd {namnd}");
        sb.AppendLine("Registrera nämndens beslut med:");
        sb.AppendLine($"  ejv decision --quarter {q} --namnd {namnd} --date ÅÅÅÅ-MM-DD --paragraph \"§ 45\"");
    }
}
