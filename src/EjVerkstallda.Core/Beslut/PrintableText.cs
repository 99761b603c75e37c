using System.Globalization;
using System.Text;

namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// Text from the case system as it may be shown in a terminal, a log or an e-mail: control characters (BEL, ESC, NUL...)
/// and bidirectional overrides are written out as <c>\uXXXX</c>, so a row cannot ring bells, move the cursor, recolour or
/// reverse what the administrator reads, and the value stays recognisable.
/// </summary>
public static class PrintableText
{
    public static string Of(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            sb.Append(NeedsEscape(ch) ? "\\u" + ((int)ch).ToString("x4", CultureInfo.InvariantCulture) : ch.ToString());
        return sb.ToString();
    }

    /// <summary>A control character or a bidirectional override/isolate/mark.</summary>
    public static bool NeedsEscape(char ch) =>
        char.IsControl(ch) || ch is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
