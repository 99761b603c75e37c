using System.Globalization;
using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.Ivo;

/// <summary>
/// IVO's identifier for a person: <c>ÅÅÅÅMMDD-T</c> and three digits. The third of the four characters after the
/// hyphen is even for a woman (K) and odd for a man (M). The digits are chosen at random by the state store and kept,
/// so they carry nothing of the personnummer's own serial.
/// </summary>
public static class IvoId
{
    /// <summary>How many distinct identifiers exist per birth date and kön (10 × 5 × 10).</summary>
    public const int SerialsPerBirthDateAndKon = 500;

    /// <summary>The identifier for serial <paramref name="serial"/> (0-499) of a birth date and kön.</summary>
    public static string Create(DateOnly fodelsedatum, Kon kon, int serial)
    {
        if (serial is < 0 or >= SerialsPerBirthDateAndKon)
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "serial must be 0-499");
        var first = serial / 50;
        var second = (serial / 10 % 5) * 2 + (kon == Kon.M ? 1 : 0);
        var third = serial % 10;
        return string.Create(CultureInfo.InvariantCulture, $"{fodelsedatum:yyyyMMdd}-T{first}{second}{third}");
    }

    /// <summary>True when <paramref name="id"/> has IVO's form and its kön digit and date fit the person.</summary>
    public static bool Matches(string id, DateOnly fodelsedatum, Kon kon) =>
        IsWellFormed(id)
        && id.StartsWith(fodelsedatum.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        && KonOf(id) == kon;

    /// <summary><c>ÅÅÅÅMMDD-T###</c> or <c>ÅÅÅÅMMDD-TF##</c> with a real calendar date.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is null || id.Length != 13 || id[8] != '-' || id[9] != 'T') return false;
        if (!DateOnly.TryParseExact(id.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        var tail = id.AsSpan(10);
        return tail[0] == 'F' ? char.IsAsciiDigit(tail[1]) && char.IsAsciiDigit(tail[2]) : tail.ToString().All(char.IsAsciiDigit);
    }

    /// <summary>The kön that the third character after the hyphen encodes.</summary>
    public static Kon KonOf(string id) => (id[11] - '0') % 2 == 0 ? Kon.K : Kon.M;

    /// <summary>Why a beslut's person cannot get an identifier (manual handling), or null when it can. The rule is <see cref="ManualHandling"/>.</summary>
    public static string? ManualHandlingReason(Beslut.Beslut b) => ManualHandling.ReasonOf(b)?.ToCode();
}
