namespace EjVerkstallda.Core.Classification;

/// <summary>The points of the rules that DOMAIN.md marks as unverified, kept as settings.</summary>
public sealed record ClassificationOptions
{
    public static readonly ClassificationOptions Default = new();

    /// <summary>Print SoL (2025:400) paragraphs for beslut made before 2025-07-01 too. Off: follow the law in force on the beslutsdatum.</summary>
    public bool LabelOldSolAsNew { get; init; }
}
