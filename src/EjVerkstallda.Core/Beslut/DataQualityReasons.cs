using System.Globalization;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// One data-quality reason: a stable code, the English text that the JSON files, the status log and the logs carry
/// (the contract's <c>problem</c> field; <c>{0}</c> marks a value such as a count or a column name) and the Swedish text
/// every handläggare and nämnd reads (the draft mail, the workbook), with the same <c>{0}</c>.
/// </summary>
public sealed record DataQualityReason(string Code, string Text, string Svenska)
{
    private readonly Regex _pattern = new("^" + Regex.Replace(Regex.Escape(Text), @"\\\{\d}", "(.+?)") + @"\z",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The English text with its values filled in, as the producer writes it.</summary>
    public string Format(params object?[] values) => string.Format(CultureInfo.InvariantCulture, Text, values);

    internal string? SvenskaOf(string text)
    {
        var m = _pattern.Match(text);
        if (!m.Success) return null;
        var values = m.Groups.Cast<Group>().Skip(1).Select(g => (object?)g.Value).ToArray();
        return string.Format(CultureInfo.InvariantCulture, Svenska, values);
    }
}

/// <summary>
/// Every data-quality reason the product gives, in one list: the one place their Swedish texts live. A new reason is one
/// line here (code, English text as written into <see cref="DataQualityProblem.Problem"/>, Swedish text);
/// <c>DataQualityReasonsTests</c> fails for a reason the validator gives that has no line.
/// </summary>
public static class DataQualityReasons
{
    public static readonly IReadOnlyList<DataQualityReason> All =
    [
        new("beslut_id_dubblett", "duplicate beslut_id ({0} rows); none of them was judged", "beslut_id förekommer på {0} rader; ingen av dem har bedömts"),
        new("beslut_id_saknas", "beslut_id missing (row {0} of the candidates)", "beslut_id saknas (rad {0} bland de lästa raderna)"),
        new("beslut_id_ogiltigt", "beslut_id too long or contains control characters", "beslut_id är för långt eller innehåller styrtecken"),
        new("person_id_saknas", "person_id missing", "person_id saknas"),
        new("insats_kod_saknas", "insats_kod missing", "insatskod saknas"),
        new("insats_kod_okand", "unknown insats_kod (not in ejv_insats)", "okänd insatskod (finns inte i ejv_insats)"),
        new("datum_ogiltigt", "{0} is not a plausible date in the form YYYY-MM-DD (1901-2099)", "{0} är inte ett rimligt datum på formen ÅÅÅÅ-MM-DD (1901–2099)"),
        new("beslutsdatum_saknas", "beslutsdatum missing", "beslutsdatum saknas"),
        new("verkstallighet_fore_beslut", "verkstallighetsdatum before beslutsdatum", "verkställighetsdatum är före beslutsdatum"),
        new("avslut_fore_beslut", "avslutsdatum before beslutsdatum", "avslutsdatum är före beslutsdatum"),
        new("avbrott_utan_verkstallighet", "avbrottsdatum without verkstallighetsdatum", "avbrottsdatum finns men inget verkställighetsdatum"),
        new("avbrott_fore_verkstallighet", "avbrottsdatum before verkstallighetsdatum", "avbrottsdatum är före verkställighetsdatum"),
        new("aterupptagande_utan_avbrott", "aterupptagandedatum without avbrottsdatum", "återupptagandedatum finns men inget avbrottsdatum"),
        new("aterupptagande_fore_avbrott", "aterupptagandedatum before avbrottsdatum", "återupptagandedatum är före avbrottsdatum"),
        new("fodelsedatum_efter_beslut", "fodelsedatum after beslutsdatum", "födelsedatum är efter beslutsdatum"),
        new("avslutsorsak_okand", "unknown avslutsorsak", "okänd avslutsorsak"),
        new("avslutsorsak_saknas", "avslutsdatum without avslutsorsak", "avslutsdatum finns men ingen avslutsorsak"),
        new("tackat_nej_ogiltigt", "tackat_nej is not a boolean (0/1)", "tackat_nej är inte 0 eller 1"),
        new("skyddad_identitet_ogiltig", "skyddad_identitet is not a boolean (0/1)", "skyddad_identitet är inte 0 eller 1"),
        new("insats_namn_ej_godkant", "insats_kod {0} has no approved public name; printed as '{1}' until Ejv:Statistik:InsatsNamn:{0} is set",
            "insatskod {0} har inget godkänt publikt namn; redovisas som ”{1}” tills Ejv:Statistik:InsatsNamn:{0} är satt"),
        new("kon_okant", "kon is neither K nor M; IVO identifier left to manual handling", "kön är varken K eller M; IVO-identifieraren hanteras manuellt"),
        new("stangd_i_tid_efter_rapport", "reported to IVO earlier but now closed within three months in the case system; check the dates",
            "rapporterat till IVO tidigare men nu avslutat inom tre månader enligt verksamhetssystemet; kontrollera datumen"),
        new("rapporterat_ej_med_ej_verkstallt", "reported to IVO earlier (ej_verkstallt) but not reported this quarter: its row was excluded, its insats is no longer reportable, or a newer avbrott replaced it; the closing report is still owed",
            "rapporterat till IVO tidigare (ej verkställt beslut) men inte med detta kvartal: raden bedömdes inte, insatsen rapporteras inte längre eller ett nyare avbrott ersatte det; återrapporten är fortfarande skyldig"),
        new("rapporterat_ej_med_avbrott", "reported to IVO earlier (avbrott) but not reported this quarter: its row was excluded, its insats is no longer reportable, or a newer avbrott replaced it; the closing report is still owed",
            "rapporterat till IVO tidigare (avbrott i verkställighet) men inte med detta kvartal: raden bedömdes inte, insatsen rapporteras inte längre eller ett nyare avbrott ersatte det; återrapporten är fortfarande skyldig"),
        new("rapporterat_saknas_ej_verkstallt", "reported to IVO earlier (ej_verkstallt), but no longer in the case source; the closing report is still owed",
            "rapporterat till IVO tidigare (ej verkställt beslut) men finns inte längre i verksamhetssystemet; återrapporten är fortfarande skyldig"),
        new("rapporterat_saknas_avbrott", "reported to IVO earlier (avbrott), but no longer in the case source; the closing report is still owed",
            "rapporterat till IVO tidigare (avbrott i verkställighet) men finns inte längre i verksamhetssystemet; återrapporten är fortfarande skyldig"),
        new("fodelsedatum_saknas_manuell", "fodelsedatum missing; reported without IVO identifier (manual handling)",
            "födelsedatum saknas; rapporteras utan IVO-identifierare (manuell hantering)"),
        new("fodelsedatum_ogiltigt_manuell", "fodelsedatum malformed, implausible or after beslutsdatum; reported without IVO identifier (manual handling)",
            "födelsedatum är felaktigt, orimligt eller efter beslutsdatum; rapporteras utan IVO-identifierare (manuell hantering)"),
        new("kon_saknas_manuell", "kon missing; reported without IVO identifier (manual handling)", "kön saknas; rapporteras utan IVO-identifierare (manuell hantering)"),
        new("kon_okant_manuell", "kon is neither K nor M; reported without IVO identifier (manual handling)",
            "kön är varken K eller M; rapporteras utan IVO-identifierare (manuell hantering)"),
        new("insats_kod_saknas_katalog", "{0}: a row's insats_kod is missing; its insats_kod is treated as unknown", "{0}: en rad saknar insats_kod; koden behandlas som okänd"),
        new("insats_kod_dubblett_katalog", "{0}: a row's insats_kod is given more than once; its insats_kod is treated as unknown",
            "{0}: insats_kod förekommer mer än en gång; koden behandlas som okänd"),
        new("benamning_saknas_katalog", "{0}: a row's benamning is missing; its insats_kod is treated as unknown", "{0}: en rad saknar benämning; koden behandlas som okänd"),
        new("lag_ogiltig_katalog", "{0}: a row's lag is {1}, not SoL or LSS; its insats_kod is treated as unknown",
            "{0}: en rad har en lag som varken är SoL eller LSS; koden behandlas som okänd"),
        new("lagrum_saknas_katalog", "{0}: a row's lagrum is missing; its insats_kod is treated as unknown", "{0}: en rad saknar lagrum; koden behandlas som okänd"),
        new("lagrum_ogiltigt_katalog", "{0}: a row's lagrum is not a {1} lagrum code; its insats_kod is treated as unknown",
            "{0}: en rad har ett lagrum som inte är en lagrumskod för {1}; koden behandlas som okänd"),
        new("insats_rad_ogiltig", "{0}: a row has a missing, unknown or duplicate insats_kod, benamning, lag or lagrum; its code is treated as unknown",
            "{0}: en rad har saknad, okänd eller dubblerad insats_kod, benämning, lag eller lagrum; koden behandlas som okänd"),
    ];

    /// <summary>The reason a problem text was made from, or null for a text no line here matches.</summary>
    public static DataQualityReason? Of(string problem) => All.FirstOrDefault(r => r.SvenskaOf(problem) is not null);

    /// <summary>The Swedish text of a problem; a text without a line (a defect: see the tests) gets a Swedish notice, never the English.</summary>
    public static string Svenska(string problem)
    {
        foreach (var r in All)
            if (r.SvenskaOf(problem) is { } text) return text;
        return "anmärkning utan svensk text (se ivo-underlag.json)";
    }
}
