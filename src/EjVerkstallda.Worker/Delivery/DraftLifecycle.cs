namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// Where the draft's version stands, for its text: the version, its state, the version the recipients had when this one
/// corrects it and what changed (counts), and the web page of the quarter when a web front end is configured.
/// </summary>
public sealed record DraftLifecycle(int Version, int? Replaces, IReadOnlyList<string> Changes, string? QuarterPage);
