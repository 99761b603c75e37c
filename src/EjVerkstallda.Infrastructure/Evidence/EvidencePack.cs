using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Files;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Infrastructure.Evidence;

/// <summary>
/// The evidence pack of a quarter (issue 12) for the revisorer or JO: one zip with the documents as the state store keeps
/// them (every version's, and the latest run's), the versions with their approvals and decisions, what was delivered for
/// each, the audit trail, the messages (never their bodies), the IVO reports' entered marks, the data-quality list and the run
/// log, each as JSON, a Swedish README.txt, and <c>manifest.json</c> with the SHA-256 of every other file.
/// Confidential (per-case data): written <c>0600</c>, atomically, and never over an existing file unless asked to.
/// </summary>
public static class EvidencePack
{
    public const string Manifest = "manifest.json";
    public const string Readme = "README.txt";
    public const string DocumentFolder = "dokument/";

    public static byte[] Build(EvidenceData data, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var files = new List<(string Path, byte[] Content)> { (Readme, Encoding.UTF8.GetBytes(EvidenceReadme.Text(data, createdAt))) };
        files.AddRange(data.Documents.Select(d => (DocumentPath(d), d.Content)));
        files.Add(("dokument.json", Json(data.Documents.Select(d => new
        {
            d.Name, Path = DocumentPath(d), d.Version, Bytes = d.Content.Length, Sha256 = EvidenceReader.Sha256(d.Content), d.StoredSha256,
            HashMatchesStore = HashMatches(d), d.RunId, d.CreatedAt,
        }))));
        files.Add(("versioner.json", Json(data.Versions)));
        files.Add(("leveranser.json", Json(data.Deliveries)));
        files.Add(("handelser.json", Json(data.Audit)));
        files.Add(("meddelanden.json", Json(data.Messages)));
        files.Add(("ivo-rapporter.json", Json(data.IvoReports)));
        files.Add(("datakvalitet.json", Json(data.DataQuality)));
        files.Add(("korningar.json", Json(data.Runs)));

        var manifest = new EvidenceManifest(data.Namnd, data.Quarter, State.StateDb.Format(createdAt),
            files.Select(f => new EvidenceManifestFile(f.Path, f.Content.Length, EvidenceReader.Sha256(f.Content))).ToList());
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files.Append((Manifest, Json(manifest))))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = createdAt;
                using var s = entry.Open();
                s.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The stored hash agrees with the stored bytes: nothing changed the document since it was written.</summary>
    public static bool HashMatches(EvidenceDocument d) =>
        string.Equals(d.StoredSha256, EvidenceReader.Sha256(d.Content), StringComparison.OrdinalIgnoreCase);

    public static string DocumentPath(EvidenceDocument d) =>
        DocumentFolder + (d.Version is { } v ? $"version-{v}/" : "senaste-korning/") + d.Name;

    /// <summary>
    /// Checks a pack: every file the manifest lists is there with its size and SHA-256, and nothing else is (but the
    /// manifest). The problems found, empty when the pack is whole.
    /// </summary>
    public static IReadOnlyList<string> Verify(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var manifestEntry = zip.GetEntry(Manifest);
        if (manifestEntry is null) return [$"{Manifest} is missing"];
        EvidenceManifest manifest;
        using (var s = manifestEntry.Open()) manifest = JsonSerializer.Deserialize<EvidenceManifest>(s, OutputFiles.Json)!;
        var problems = new List<string>();
        foreach (var f in manifest.Files)
        {
            var entry = zip.GetEntry(f.Path);
            if (entry is null) { problems.Add($"{f.Path}: listed in the manifest but missing"); continue; }
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            if (copy.Length != f.Bytes || EvidenceReader.Sha256(copy.ToArray()) != f.Sha256) problems.Add($"{f.Path}: its SHA-256 does not match the manifest");
        }
        var listed = manifest.Files.Select(f => f.Path).Append(Manifest).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(zip.Entries.Where(e => !listed.Contains(e.FullName)).Select(e => $"{e.FullName}: not in the manifest"));
        return problems;
    }

    /// <summary>
    /// Writes the pack <c>0600</c> and atomically (temp file and rename, <see cref="SecureFiles.WriteAtomicAsync"/>). An
    /// existing file is kept unless <paramref name="force"/>: a pack handed to a revisor must not be replaced by mistake.
    /// </summary>
    public static async Task WriteAsync(string path, byte[] zip, bool force, CancellationToken ct)
    {
        if (!force && File.Exists(path))
            throw new IOException($"{path} already exists; give another --out, or --force to replace it");
        await SecureFiles.WriteAtomicAsync(path, zip, ct);
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, OutputFiles.Json);
}

public sealed record EvidenceManifest(string Namnd, string Quarter, string CreatedAt, IReadOnlyList<EvidenceManifestFile> Files);

public sealed record EvidenceManifestFile(string Path, long Bytes, string Sha256);
