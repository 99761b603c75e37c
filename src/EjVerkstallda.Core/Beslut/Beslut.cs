namespace EjVerkstallda.Core.Beslut;

/// <summary>A gynnande beslut (or an undelivered part of one) whose values passed validation.</summary>
public sealed record Beslut
{
    public required string Id { get; init; }
    public required string PersonId { get; init; }
    public required InsatsDefinition Insats { get; init; }
    public required DateOnly Beslutsdatum { get; init; }
    public DateOnly? Verkstallighetsdatum { get; init; }
    public DateOnly? Avbrottsdatum { get; init; }
    public DateOnly? Aterupptagandedatum { get; init; }
    public DateOnly? Avslutsdatum { get; init; }
    public Avslutsorsak? Avslutsorsak { get; init; }
    public DateOnly? Erbjudandedatum { get; init; }
    public bool? TackatNej { get; init; }
    public DateOnly? Fodelsedatum { get; init; }
    public Kon? Kon { get; init; }
    public bool SkyddadIdentitet { get; init; }

    /// <summary>
    /// Set when the case system's fodelsedatum or kon was present but unusable (then that field is null here): the beslut is
    /// judged anyway and its person goes to manual handling (<see cref="ManualHandling"/>).
    /// </summary>
    public ManualReason? PersonDataDefect { get; init; }
    public string? Enhet { get; init; }

    /// <summary>Free text from the case system: confidential, for IVO only, never in a public document or a log.</summary>
    public string? Skal { get; init; }
}
