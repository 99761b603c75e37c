using System.Globalization;
using System.Text;

namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// The one cleaning rule for text from the case system (and configuration) wherever a person reads it: a terminal, a log,
/// an e-mail, a Word document or a workbook. Control characters (BEL, ESC, NUL, vertical tab...), bidirectional
/// overrides, lone surrogates and the non-characters U+FFFE/U+FFFF are written out as <c>\uXXXX</c>, so a row cannot ring
/// bells, move the cursor, recolour or reverse what is read, cannot make a document invalid XML (which failed a whole
/// run), and the value stays recognisable and the same in every place.
/// </summary>
public static class PrintableText
{
    /// <summary>One line (terminal, log, mail line): line breaks and tabs are written out too.</summary>
    public static string Of(string text) => Clean(text, keepLayout: false);

    /// <summary>Text of a document paragraph or cell: line breaks and tabs are kept (Word and Excel show them); the rest as <see cref="Of"/>.</summary>
    public static string ForDocument(string text) => Clean(text, keepLayout: true);

    /// <summary>A control character, a bidirectional override/isolate/mark, a surrogate or a non-character.</summary>
    public static bool NeedsEscape(char ch) =>
        char.IsControl(ch) || char.IsSurrogate(ch) || ch is '\uFFFE' or '\uFFFF'
        || ch is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Clean(string text, bool keepLayout)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(ch).Append(text[++i]); continue; }
            if (!NeedsEscape(ch) || (keepLayout && ch is '\n' or '\r' or '\t')) sb.Append(ch);
            else sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
