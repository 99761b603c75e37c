using System.Security.Cryptography;
using System.Text;
using EjVerkstallda.Core.Import;

namespace EjVerkstallda.Infrastructure.Import;

/// <summary>An import file as read: its table, its SHA-256 (the same file imported twice is found by it) and its name.</summary>
public sealed record ImportFile(ImportTable Table, string Sha256, string Name)
{
    /// <summary>
    /// Reads a CSV (UTF-8 with or without BOM; <c>;</c> or <c>,</c>) or the first sheet of an <c>.xlsx</c>. A file that is not
    /// UTF-8 (Excel's plain "CSV" is Windows-1252) is refused with what to do: nothing is guessed.
    /// </summary>
    public static async Task<ImportFile> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new ImportFileException($"the file {path} does not exist");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = Path.GetFileName(path);
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return new ImportFile(XlsxTableReader.Read(bytes, name), sha, name);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException($"{name} is not UTF-8 text; in Excel save it as \"CSV UTF-8 (kommaavgränsad)\", or give the .xlsx itself");
        }
        return new ImportFile(DelimitedText.Parse(text), sha, name);
    }
}

/// <summary>An import file that cannot be read at all (missing, not UTF-8, not a workbook). Exit code 1.</summary>
public sealed class ImportFileException(string message, Exception? inner = null) : IOException(message, inner);
