namespace EjVerkstallda.Worker.Options;

/// <summary>
/// <c>Ejv:Namnder:N:Revisorer</c>: how the revisorer get the per-case reports (CONTRACT section 4). They are confidential
/// and never go as a plain e-mail attachment.
/// </summary>
public sealed class RevisorerOptions
{
    public const string Smime = "smime";
    public const string Folder = "folder";
    public const string None = "none";

    /// <summary><c>smime</c> (encrypted to <see cref="Certificates"/>), <c>folder</c> (written to <see cref="FolderPath"/>) or <c>none</c> (recorded, shown as not delivered).</summary>
    public string Delivery { get; set; } = None;

    /// <summary>For <c>smime</c>: the revisorer's encryption certificates, one file each (PEM or DER); every one of them can read the message.</summary>
    public List<string> Certificates { get; set; } = [];

    /// <summary>For <c>folder</c>: the protected folder or share the documents are written to (key <c>Folder</c>).</summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Folder")]
    public string FolderPath { get; set; } = "";
}

/// <summary><c>Ejv:Namnder:N:Handlaggare</c>: with certificates, the handläggare's draft also carries the IVO underlag (.xlsx), encrypted.</summary>
public sealed class HandlaggareOptions
{
    public List<string> Certificates { get; set; } = [];
}
