using System.Globalization;

namespace EjVerkstallda.Core.Beslut;

/// <summary>Turns raw rows into <see cref="Beslut"/> or a <see cref="DataQualityProblem"/>; never throws on bad data.</summary>
public sealed class BeslutValidator(IReadOnlyDictionary<string, InsatsDefinition> katalog)
{
    /// <summary>Dates outside this range are not plausible in a case system and are reported, not judged.</summary>
    public static readonly DateOnly EarliestPlausible = new(1901, 1, 1);
    public static readonly DateOnly LatestPlausible = new(2099, 12, 31);

    public const int MaxIdLength = 100;

    public ValidationResult Validate(IEnumerable<RawBeslut> rows)
    {
        var valid = new List<Beslut>();
        var problems = new List<DataQualityProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new List<Beslut>();
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            var (beslut, problem) = ValidateRow(row, rowNumber);
            if (beslut is not null) candidates.Add(beslut);
            if (problem is not null) problems.Add(problem);
            if (Trimmed(row.BeslutId) is { } id)
                seen[id] = seen.GetValueOrDefault(id) + 1;
        }
        foreach (var b in candidates)
        {
            if (seen[b.Id] > 1) continue;
            valid.Add(b);
        }
        foreach (var (id, count) in seen.Where(kv => kv.Value > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            problems.Add(new DataQualityProblem(PrintableText.Of(id), $"duplicate beslut_id ({count} rows); none of them was judged"));
        return new ValidationResult(valid, problems);
    }

    private (Beslut?, DataQualityProblem?) ValidateRow(RawBeslut r, int rowNumber)
    {
        var id = Trimmed(r.BeslutId);
        if (id is null) return (null, new DataQualityProblem(null, $"beslut_id missing (row {rowNumber} of the candidates)"));
        DataQualityProblem Bad(string problem) => new(PrintableText.Of(id.Length > MaxIdLength ? id[..MaxIdLength] : id), problem);
        if (id.Length > MaxIdLength || id.Any(PrintableText.NeedsEscape)) return (null, Bad("beslut_id too long or contains control characters"));
        var personId = Trimmed(r.PersonId);
        if (personId is null) return (null, Bad("person_id missing"));
        var kod = Trimmed(r.InsatsKod);
        if (kod is null) return (null, Bad("insats_kod missing"));
        if (!katalog.TryGetValue(kod, out var insats)) return (null, Bad("unknown insats_kod (not in ejv_insats)"));

        var dates = new DateFields(r);
        if (dates.Error is not null) return (null, Bad(dates.Error));
        if (dates.Beslut is not { } beslutsdatum) return (null, Bad("beslutsdatum missing"));
        var order = CheckOrder(beslutsdatum, dates);
        if (order is not null) return (null, Bad(order));

        Avslutsorsak? orsak = null;
        if (Trimmed(r.Avslutsorsak) is { } orsakKod)
        {
            if (!Codes.TryParseAvslutsorsak(orsakKod, out var o)) return (null, Bad("unknown avslutsorsak"));
            orsak = o;
        }
        if (dates.Avslut is not null && orsak is null) return (null, Bad("avslutsdatum without avslutsorsak"));
        if (!TryBool(r.TackatNej, out var tackatNej)) return (null, Bad("tackat_nej is not a boolean (0/1)"));
        if (!TryBool(r.SkyddadIdentitet, out var skyddad)) return (null, Bad("skyddad_identitet is not a boolean (0/1)"));

        Kon? kon = Trimmed(r.Kon)?.ToUpperInvariant() switch { "K" => Kon.K, "M" => Kon.M, _ => null };
        var fodelse = PersonFodelsedatum(r.Fodelsedatum, beslutsdatum);
        var beslut = new Beslut
        {
            Id = id,
            PersonId = personId,
            Insats = insats,
            Beslutsdatum = beslutsdatum,
            Verkstallighetsdatum = dates.Verkstallighet,
            Avbrottsdatum = dates.Avbrott,
            Aterupptagandedatum = dates.Aterupptagande,
            Avslutsdatum = dates.Avslut,
            Avslutsorsak = orsak,
            Erbjudandedatum = dates.Erbjudande,
            TackatNej = tackatNej,
            Fodelsedatum = fodelse.Day,
            Kon = kon,
            PersonDataDefect = fodelse.Defective ? ManualReason.FodelsedatumOgiltigt : Trimmed(r.Kon) is not null && kon is null ? ManualReason.KonOkant : null,
            SkyddadIdentitet = skyddad ?? false,
            Enhet = Trimmed(r.Enhet),
            Skal = Trimmed(r.Skal),
        };
        return (beslut, null);
    }

    /// <summary>
    /// The person's birth date is for IVO's identifier only: a missing, malformed, implausible or after-the-beslut value does not
    /// stop the case being judged (CONTRACT section 4); it leaves the identifier to manual handling.
    /// </summary>
    private static (DateOnly? Day, bool Defective) PersonFodelsedatum(string? text, DateOnly beslutsdatum)
    {
        if (!TryDate(text, out var day)) return (null, true);
        return day > beslutsdatum ? (null, true) : (day, false);
    }

    private static string? CheckOrder(DateOnly beslut, DateFields d)
    {
        if (d.Verkstallighet < beslut) return "verkstallighetsdatum before beslutsdatum";
        if (d.Avslut < beslut) return "avslutsdatum before beslutsdatum";
        if (d.Avbrott is { } avbrott)
        {
            if (d.Verkstallighet is null) return "avbrottsdatum without verkstallighetsdatum";
            if (avbrott < d.Verkstallighet) return "avbrottsdatum before verkstallighetsdatum";
        }
        if (d.Aterupptagande is { } ater)
        {
            if (d.Avbrott is null) return "aterupptagandedatum without avbrottsdatum";
            if (ater < d.Avbrott) return "aterupptagandedatum before avbrottsdatum";
        }
        return null;
    }

    internal static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static bool TryBool(string? s, out bool? value)
    {
        value = null;
        switch (Trimmed(s)?.ToLowerInvariant())
        {
            case null: return true;
            case "1" or "true" or "t" or "ja": value = true; return true;
            case "0" or "false" or "f" or "nej": value = false; return true;
            default: return false;
        }
    }

    /// <summary>Parses <c>YYYY-MM-DD</c> only; a time part of midnight (from a DATETIME column) is accepted.</summary>
    internal static bool TryDate(string? s, out DateOnly? value)
    {
        value = null;
        var t = Trimmed(s);
        if (t is null) return true;
        if (t.Length > 10 && (t.EndsWith(" 00:00:00", StringComparison.Ordinal) || t.EndsWith("T00:00:00", StringComparison.Ordinal))) t = t[..10];
        if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        if (d < EarliestPlausible || d > LatestPlausible) return false;
        value = d;
        return true;
    }

    private sealed class DateFields
    {
        public DateFields(RawBeslut r)
        {
            Beslut = Parse(r.Beslutsdatum, "beslutsdatum");
            Verkstallighet = Parse(r.Verkstallighetsdatum, "verkstallighetsdatum");
            Avbrott = Parse(r.Avbrottsdatum, "avbrottsdatum");
            Aterupptagande = Parse(r.Aterupptagandedatum, "aterupptagandedatum");
            Avslut = Parse(r.Avslutsdatum, "avslutsdatum");
            Erbjudande = Parse(r.Erbjudandedatum, "erbjudandedatum");
        }

        public string? Error { get; private set; }
        public DateOnly? Beslut { get; }
        public DateOnly? Verkstallighet { get; }
        public DateOnly? Avbrott { get; }
        public DateOnly? Aterupptagande { get; }
        public DateOnly? Avslut { get; }
        public DateOnly? Erbjudande { get; }

        private DateOnly? Parse(string? s, string column)
        {
            if (TryDate(s, out var d)) return d;
            Error ??= $"{column} is not a plausible date in the form YYYY-MM-DD (1901-2099)";
            return null;
        }
    }
}

public sealed record ValidationResult(IReadOnlyList<Beslut> Beslut, IReadOnlyList<DataQualityProblem> Problems);
