using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using MimeKit.Cryptography;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// A revisor's encryption certificate and private key, made by openssl as an administrator would
/// (<c>openssl req -x509 -newkey rsa:2048 ... -addext keyUsage=keyEncipherment,digitalSignature</c>) in a temp folder,
/// and the recipient's side of S/MIME: decrypting a message with that key (MimeKit with BouncyCastle).
/// </summary>
internal sealed class SmimeTestKey
{
    private SmimeTestKey(string certFile, string keyFile)
    {
        CertFile = certFile;
        KeyFile = keyFile;
    }

    public string CertFile { get; }
    public string KeyFile { get; }

    /// <param name="keyUsage">The certificate's key usage; without keyEncipherment it is a signing-only certificate.</param>
    public static SmimeTestKey Make(string folder, string name, string keyUsage = "keyEncipherment,digitalSignature")
    {
        var cert = Path.Combine(folder, name + ".crt.pem");
        var key = Path.Combine(folder, name + ".key.pem");
        Openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", key, "-out", cert,
            "-subj", $"/CN={name}/emailAddress={name}@exempelkommun.example",
            "-addext", "keyUsage=" + keyUsage, "-addext", "extendedKeyUsage=emailProtection");
        return new SmimeTestKey(cert, key);
    }

    /// <summary>The certificate written as DER instead of PEM (both are accepted).</summary>
    public string DerFile()
    {
        var der = Path.ChangeExtension(CertFile, ".der");
        Openssl("x509", "-in", CertFile, "-outform", "DER", "-out", der);
        return der;
    }

    /// <summary>Decrypts with this key alone: throws when the message was not encrypted to this certificate.</summary>
    public MimeKit.MimeEntity Decrypt(ApplicationPkcs7Mime encrypted)
    {
        using var pair = X509Certificate2.CreateFromPemFile(CertFile, KeyFile);
        var pfx = pair.Export(X509ContentType.Pkcs12, "test");
        using var context = new TemporarySecureMimeContext();
        context.Import(new MemoryStream(pfx), "test");
        return encrypted.Decrypt(context);
    }

    private static void Openssl(params string[] args)
    {
        var info = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start");
        p.StandardOutput.ReadToEnd();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {errors}");
    }
}
