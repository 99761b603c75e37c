namespace EjVerkstallda.Worker.Options;

/// <summary><c>Ejv:Lifecycle</c>: the rules of approval.</summary>
public sealed class LifecycleOptions
{
    /// <summary>Refuse to approve a quarter while an earlier quarter of the same nämnd still awaits approval (default true).</summary>
    public bool ApproveInOrder { get; set; } = true;
}

/// <summary><c>Ejv:Web</c>: the web front end, as far as the worker needs to know it.</summary>
public sealed class WebOptions
{
    /// <summary>
    /// The address people reach the web front end at, e.g. <c>https://ejv.kommun.se</c>; empty (the default): no web front end,
    /// and e-mails give the command to run instead of a link to <c>&lt;PublicUrl&gt;/namnd/&lt;id&gt;/kvartal/&lt;Q&gt;</c>.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The page of a nämnd's quarter (viewing only: a link never acts on GET); null when no web front end is configured.</summary>
    public string? QuarterPage(string namnd, string quarter) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? null : $"{PublicUrl.TrimEnd('/')}/namnd/{Uri.EscapeDataString(namnd)}/kvartal/{Uri.EscapeDataString(quarter)}";
}
