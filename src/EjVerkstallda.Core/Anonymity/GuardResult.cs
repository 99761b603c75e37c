namespace EjVerkstallda.Core.Anonymity;

/// <summary>What kind of identifying content the guard found.</summary>
public enum ViolationKind
{
    /// <summary>A value of this run that must never be public (beslut id, person id, IVO id, free text...).</summary>
    ForbiddenValue,

    /// <summary>Something shaped like a personnummer or samordningsnummer.</summary>
    Personnummer,

    /// <summary>Something shaped like IVO's identifier <c>ÅÅÅÅMMDD-T###</c> or <c>ÅÅÅÅMMDD-TF##</c>.</summary>
    IvoIdentifier,

    /// <summary>A date (or a month of a year) other than the report's own dates.</summary>
    Date,

    /// <summary>A cell of an optional breakdown below k.</summary>
    SmallCell,
}

/// <summary>
/// One finding. It never holds the offending value, so it may be logged: only the kind, where it was found,
/// and for <see cref="ViolationKind.ForbiddenValue"/> the category of the value (e.g. <c>skal</c>).
/// </summary>
/// <param name="Location">The field or document part that was checked, e.g. <c>Sektioner[2].Rader[0].Insats</c>.</param>
/// <param name="Category">For forbidden values, the category name given in the <see cref="AnonymityContext"/>.</param>
public sealed record GuardViolation(ViolationKind Kind, string Location, string? Category = null)
{
    public override string ToString() => Category is null ? $"{Kind} in {Location}" : $"{Kind} ({Category}) in {Location}";
}

/// <summary>The result of a check: clean when <see cref="Violations"/> is empty.</summary>
public sealed record GuardResult(IReadOnlyList<GuardViolation> Violations)
{
    public static readonly GuardResult Clean = new([]);

    public bool IsClean => Violations.Count == 0;

    public static GuardResult Combine(IEnumerable<GuardResult> results) =>
        new(results.SelectMany(r => r.Violations).Distinct().ToList());

    public override string ToString() => IsClean ? "clean" : string.Join("; ", Violations);
}
