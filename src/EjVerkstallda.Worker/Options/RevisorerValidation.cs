using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Worker.Options;

/// <summary>
/// The checks of <c>Ejv:Namnder:N:Revisorer</c> and <c>Ejv:Namnder:N:Handlaggare</c>: a channel that cannot deliver fails at
/// start, with the key and the file, not at the first approval. Certificates are judged against the real clock: they expire
/// in real time, whatever the test clock says.
/// </summary>
internal static class RevisorerValidation
{
    public static void Validate(NamndOptions n, string key, DateTimeOffset now, List<string> failures)
    {
        var r = n.Revisorer;
        var delivery = r.Delivery.Trim().ToLowerInvariant();
        switch (delivery)
        {
            case RevisorerOptions.Smime:
                if (r.Certificates.Count == 0)
                    failures.Add($"{key}:Revisorer:Certificates is empty; give each revisor's encryption certificate as a file (PEM or DER), or choose Delivery=folder");
                Certificates(r.Certificates, $"{key}:Revisorer:Certificates", now, failures);
                break;
            case RevisorerOptions.Folder:
                if (string.IsNullOrWhiteSpace(r.FolderPath))
                    failures.Add($"{key}:Revisorer:Folder is empty; give the protected folder or share the revisorer read, or choose Delivery=smime");
                break;
            case RevisorerOptions.None:
                break;
            default:
                failures.Add($"{key}:Revisorer:Delivery '{r.Delivery}' must be smime, folder or none");
                break;
        }
        Certificates(n.Handlaggare.Certificates, $"{key}:Handlaggare:Certificates", now, failures);
    }

    private static void Certificates(List<string> files, string key, DateTimeOffset now, List<string> failures)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (string.IsNullOrWhiteSpace(file))
            {
                failures.Add($"{key}:{i} is empty; give the path of a certificate file");
                continue;
            }
            var certificate = SmimeCertificates.Load(file, out var problem);
            problem ??= SmimeCertificates.Problem(certificate!, now);
            if (problem is not null) failures.Add($"{key}:{i} '{file}' {problem}");
        }
    }
}
