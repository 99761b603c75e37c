using System.Text;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// A deliberately small MIME reader for the tests (no MimeKit here): unfolds headers, decodes
/// RFC 2047 encoded words and RFC 2231 parameters, splits multipart bodies, decodes base64 and
/// quoted-printable. Independent of System.Net.Mail, so it checks what went over the wire.
/// </summary>
internal sealed partial class MimeEntity
{
    private readonly List<KeyValuePair<string, string>> headers;

    private MimeEntity(List<KeyValuePair<string, string>> headers, string body, IReadOnlyList<MimeEntity> parts)
    {
        this.headers = headers;
        RawBody = body;
        Parts = parts;
    }

    public string RawBody { get; }

    public IReadOnlyList<MimeEntity> Parts { get; }

    public string? FileName => Parameter("Content-Disposition", "filename") ?? Parameter("Content-Type", "name");

    public static MimeEntity Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        int split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        string head = split < 0 ? raw : raw[..split];
        string body = split < 0 ? "" : raw[(split + 2)..];
        var headers = UnfoldHeaders(head);
        var entity = new MimeEntity(headers, body, []);
        string? boundary = entity.Parameter("Content-Type", "boundary");
        return boundary is null ? entity : new MimeEntity(headers, body, SplitParts(body, boundary));
    }

    public string? Header(string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int HeaderCount(string name) => headers.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public string? DecodedHeader(string name) => Header(name) is { } value ? DecodeEncodedWords(value) : null;

    public byte[] DecodedBody() => (Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant() switch
    {
        "base64" => Convert.FromBase64String(WhitespacePattern().Replace(RawBody, "")),
        "quoted-printable" => DecodeQuotedPrintable(RawBody),
        _ => Encoding.Latin1.GetBytes(RawBody),
    };

    public string DecodedText() => Encoding.UTF8.GetString(DecodedBody());

    /// <summary>A header parameter, handling quotes, RFC 2231 (name*=, name*0*=) and encoded words.</summary>
    public string? Parameter(string headerName, string parameter, bool extended = true)
    {
        if (Header(headerName) is not { } value)
            return null;
        var pairs = ParameterPattern().Matches(value).ToDictionary(
            m => m.Groups["key"].Value.ToLowerInvariant(), m => Unquote(m.Groups["value"].Value));
        string key = parameter.ToLowerInvariant();
        if (extended && pairs.TryGetValue(key + "*", out string? rfc2231))
            return DecodeRfc2231(rfc2231);
        if (pairs.TryGetValue(key, out string? plain))
            return DecodeEncodedWords(plain);
        var continued = pairs.Where(p => p.Key.StartsWith(key + "*", StringComparison.Ordinal))
            .OrderBy(p => int.Parse(p.Key[(key.Length + 1)..].TrimEnd('*'), System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => p.Value).ToList();
        return continued.Count == 0 ? null : DecodeRfc2231(string.Concat(continued));
    }

    private static List<KeyValuePair<string, string>> UnfoldHeaders(string head)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (string line in head.Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal).Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                result.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return result;
    }

    private static List<MimeEntity> SplitParts(string body, string boundary)
    {
        string delimiter = "--" + boundary;
        return body.Split(delimiter)
            .Skip(1)
            .TakeWhile(chunk => !chunk.StartsWith("--", StringComparison.Ordinal))
            .Select(chunk => Parse(chunk.TrimStart('\n').TrimEnd('\n')))
            .ToList();
    }

    private static string DecodeEncodedWords(string value)
    {
        value = BetweenWordsPattern().Replace(value, "?==?");
        var output = new StringBuilder();
        var pending = new List<byte>();
        Encoding? charset = null;
        int position = 0;
        foreach (Match m in EncodedWordPattern().Matches(value))
        {
            if (m.Index != position || (charset is not null && charset.WebName != Encoding.GetEncoding(m.Groups[1].Value).WebName))
                Flush();
            output.Append(value, position, m.Index - position);
            charset = Encoding.GetEncoding(m.Groups[1].Value);
            pending.AddRange(m.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(m.Groups[3].Value)
                : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
            position = m.Index + m.Length;
        }
        Flush();
        return output.Append(value, position, value.Length - position).ToString();

        void Flush()
        {
            if (charset is not null)
                output.Append(charset.GetString(pending.ToArray()));
            pending.Clear();
            charset = null;
        }
    }

    private static string DecodeRfc2231(string value)
    {
        string[] pieces = value.Split('\'', 3);
        Encoding charset = pieces.Length == 3 && pieces[0].Length > 0 ? Encoding.GetEncoding(pieces[0]) : Encoding.ASCII;
        string encoded = pieces.Length == 3 ? pieces[2] : value;
        return charset.GetString(DecodeQuotedPrintable(encoded.Replace('%', '=')));
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length + 0 && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return bytes.ToArray();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWordsPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex("""(?:^|;)\s*(?<key>[^=;\s]+)\s*=\s*(?<value>"(?:[^"\\]|\\.)*"|[^;]*)""")]
    private static partial Regex ParameterPattern();
}
