namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// A row the product could not judge, or judged with a caveat. <see cref="Problem"/> is a fixed English phrase
/// chosen by the product, never a value from the row, so it may be logged.
/// </summary>
/// <param name="BeslutId">The row's beslut_id, or null when it has none (then <see cref="Problem"/> says so).</param>
/// <param name="Excluded">True when the row was left out of the classification; false for a warning.</param>
public sealed record DataQualityProblem(string? BeslutId, string Problem, bool Excluded = true);
