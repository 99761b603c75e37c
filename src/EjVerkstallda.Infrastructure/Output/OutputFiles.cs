using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EjVerkstallda.Infrastructure.Files;

namespace EjVerkstallda.Infrastructure.Output;

/// <summary>Writes a run's files under <c>&lt;folder&gt;/&lt;namnd&gt;/&lt;quarter&gt;/</c>, each atomically (temp file, then rename).</summary>
public static class OutputFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string FolderFor(string root, string namnd, string quarter) =>
        Path.Combine(Path.GetFullPath(root), SafeSegment(namnd), quarter);

    /// <summary>A dry run's preview: <c>&lt;namnd&gt;/&lt;quarter&gt;/dry-run/</c>, never the real quarter's files.</summary>
    public static string PreviewFolderFor(string root, string namnd, string quarter) =>
        Path.Combine(FolderFor(root, namnd, quarter), OutputNames.DryRunFolder);

    public static async Task WriteJsonAsync<T>(string folder, string fileName, T value, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        await WriteAsync(folder, fileName, bytes, ct);
    }

    /// <summary>
    /// Owner-only (0600 in a 0700 folder; 0640 and 0750 inside a folder the administrator shared with a group, e.g. 0750),
    /// atomic, and removing temp files an interrupted earlier write left: see <see cref="SecureFiles"/>.
    /// </summary>
    public static Task WriteAsync(string folder, string fileName, byte[] content, CancellationToken ct) =>
        SecureFiles.WriteAtomicAsync(Path.Combine(folder, fileName), content, ct, shareWithGroup: true);

    /// <summary>A nämnd id as one safe folder name: letters, digits, '-' and '_' only.</summary>
    public static string SafeSegment(string id)
    {
        if (id.Length == 0 || id.Length > 64 || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            throw new ArgumentException($"nämnd id '{id}' must be 1-64 characters of a-z, 0-9, '-' and '_'");
        return id;
    }
}
