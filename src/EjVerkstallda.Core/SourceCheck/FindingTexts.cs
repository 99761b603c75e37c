using System.Globalization;
using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.SourceCheck;

/// <summary>
/// The text of every finding, Swedish (the default, for the kommun's IT) and English (<c>--lang en</c>); <c>{0}</c>, <c>{1}</c>…
/// are the finding's <see cref="Finding.Args"/>. A new finding is one line here; <c>FindingTextsTests</c> fails for a code without one.
/// </summary>
public static class FindingTexts
{
    private static readonly Dictionary<string, (string Sv, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["relation_saknas"] = ("{0} finns inte eller kan inte läsas; skapa vyn (se sql/guide/) eller ange rätt namn i Ejv:Source",
            "{0} does not exist or cannot be read; create the view (see sql/guide/) or name it in Ejv:Source"),
        ["kolumn_saknas"] = ("{0} saknas; lägg till kolumnen i vyn (NULL AS kolumn om verksamhetssystemet saknar uppgiften)",
            "{0} is missing; add the column to the view (NULL AS column if the case system has no such value)"),
        ["datumtyp_ogiltig"] = ("{0} har typen {1}; ett datum ska vara date, timestamp/datetime, timestamptz/datetimeoffset eller text ÅÅÅÅ-MM-DD",
            "{0} is of type {1}; a date must be a date, timestamp/datetime, timestamptz/datetimeoffset or text YYYY-MM-DD"),
        ["textdatum_ogiltigt"] = ("{0}: {1} rad(er) har text som inte är ett datum ÅÅÅÅ-MM-DD (t.ex. 30/12/2023) och bedöms inte; gäller det många: gör om värdet i vyn",
            "{0}: {1} row(s) hold text that is not a date YYYY-MM-DD (e.g. 30/12/2023) and are not judged; if many: convert it in the view"),
        ["textdatum_med_tid"] = ("{0}: {1} rad(er) har text med klockslag; de läses som sin dag, men varje körning måste läsa dem: välj hellre date eller timestamp",
            "{0}: {1} row(s) hold text with a time of day; read as their day, but every run must read them: prefer date or timestamp"),
        ["obligatorisk_tom"] = ("{0} är tom på alla {1} rader; kontrollera vyns mappning", "{0} is empty on all {1} rows; check the view's mapping"),
        ["obligatorisk_null"] = ("{0} saknas på {1} rad(er) ({2}); körningen listar dem och bedömer dem inte",
            "{0} is missing on {1} row(s) ({2}); the run lists them and does not judge them"),
        ["personkolumn_tom"] = ("{0} är tom på alla rader; varje rapport får då manuell hantering av IVO-identifieraren",
            "{0} is empty on every row; every report then needs manual handling of the IVO identifier"),
        ["datum_orimligt"] = ("{0}: datum från {1} till {2}; datum före 1901 eller efter 2099 listas och bedöms inte",
            "{0}: dates from {1} to {2}; dates before 1901 or after 2099 are listed and not judged"),
        ["beslutsdatum_framtid"] = ("beslutsdatum: det senaste är {0}, efter i dag; kontrollera att kolumnen är beslutets dag",
            "beslutsdatum: the latest is {0}, after today; check that the column is the day of the beslut"),
        ["beslut_id_dubblett"] = ("beslut_id: {0} id förekommer på mer än en rad (ofta en historiktabell som ger en rad per avbrott); vyn ska ge en rad per beslut eller del",
            "beslut_id: {0} id(s) occur on more than one row (often a history table giving a row per avbrott); the view must give one row per beslut or part"),
        ["kon_utanfor_lista"] = ("kon: {0} rad(er) har ett värde som varken är K eller M; de rapporteras utan IVO-identifierare (manuell hantering)",
            "kon: {0} row(s) hold a value that is neither K nor M; they are reported without IVO identifier (manual handling)"),
        ["avslutsorsak_utanfor_lista"] = ("avslutsorsak: {0} rad(er) har en kod utanför listan (aterkallad, behov_upphort, avliden, flyttat, annat); raderna bedöms inte",
            "avslutsorsak: {0} row(s) hold a code outside the list (aterkallad, behov_upphort, avliden, flyttat, annat); the rows are not judged"),
        ["boolesk_ogiltig"] = ("{0}: {1} rad(er) är varken 0/1, true/false eller ja/nej; raderna bedöms inte",
            "{0}: {1} row(s) are neither 0/1, true/false nor ja/nej; the rows are not judged"),
        ["katalog_rad_ogiltig"] = ("{0}", "{0}"),
        ["insats_omappad"] = ("insatskoder som {0} inte mappar används av {1} beslut, som inte bedöms: {2}",
            "insats codes that {0} does not map are used by {1} beslut, which are not judged: {2}"),
        ["insats_oanvand"] = ("{0}: koder som inget beslut använder (felstavade eller gamla?): {1}",
            "{0}: codes no beslut uses (misspelt or old?): {1}"),
        ["index_saknas"] = ("inget index på den underliggande tabellen tjänar {0}; skapa ett med den kolumnen först, t.ex. ({1})",
            "no index on the underlying table serves {0}; create one with that column first, e.g. ({1})"),
        ["vy_tom"] = ("{0} har inga rader", "{0} has no rows"),
    };

    public static IEnumerable<string> Codes => Texts.Keys;

    public static string Of(Finding finding, bool english)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var (sv, en) = Texts[finding.Code];
        var args = finding.Args.Cast<object?>().ToArray();
        if (finding.Code == "katalog_rad_ogiltig" && !english) args = [DataQualityReasons.Svenska(finding.Args[0])];
        return string.Format(CultureInfo.InvariantCulture, english ? en : sv, args);
    }
}
