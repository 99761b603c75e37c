namespace EjVerkstallda.Core.Lifecycle;

using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>A quarter's report for one nämnd: every version kept, the highest one is the current.</summary>
public sealed record QuarterLifecycle(string Namnd, Kvartal Quarter, IReadOnlyList<QuarterVersion> Versions)
{
    public static QuarterLifecycle Empty(string namnd, Kvartal quarter) => new(namnd, quarter, []);

    /// <summary>The highest version; null before the first run.</summary>
    public QuarterVersion? Current => Versions.Count == 0 ? null : Versions.MaxBy(v => v.Version);

    public QuarterVersion? Find(int version) => Versions.FirstOrDefault(v => v.Version == version);

    /// <summary>The current version is a draft (not yet approved); false before the first run.</summary>
    public bool AwaitsApproval => Current?.State == VersionState.Draft;

    /// <summary>The versions that were sent to anyone (approved, whatever happened after), oldest first: what was published.</summary>
    public IEnumerable<QuarterVersion> Sent => Versions.Where(v => v.Approval is not null);

    /// <summary>The latest version before <paramref name="version"/> that was sent to anyone (approved); null when none was.</summary>
    public QuarterVersion? LastSentBefore(int version) => Sent.Where(v => v.Version < version).MaxBy(v => v.Version);

    /// <summary>
    /// The roles that received the statistikrapport of <paramref name="version"/>: the nämnd once it was approved;
    /// kommunfullmäktige and the revisorer once it was decided, or when they had an earlier version and got this one as a
    /// correction at its approval. A version approved before the lifecycle existed (source <c>legacy</c>) went to all three.
    /// </summary>
    public IReadOnlySet<Role> ReceivedBy(int version)
    {
        var roles = new HashSet<Role>();
        var v = Find(version);
        if (v?.Approval is null) return roles;
        roles.Add(Role.Namnd);
        if (v.Decision is not null || v.Approval.By.Source == VersionApproval.LegacySource) { roles.Add(Role.Fullmaktige); roles.Add(Role.Revisorer); }
        foreach (var earlier in Versions.Where(e => e.Version < version))
            roles.UnionWith(ReceivedBy(earlier.Version).Where(r => r != Role.Namnd));
        return roles;
    }

    public QuarterLifecycle With(QuarterVersion changed) =>
        this with { Versions = Versions.Where(v => v.Version != changed.Version).Append(changed).OrderBy(v => v.Version).ToList() };
}

/// <summary>Who receives the statistikrapport (the public document). The handläggare's draft is not part of the lifecycle.</summary>
public enum Role
{
    Namnd,
    Fullmaktige,
    Revisorer,
}

public static class Roles
{
    public static string ToCode(this Role r) => r switch
    {
        Role.Namnd => "namnd",
        Role.Fullmaktige => "fullmaktige",
        _ => "revisorer",
    };
}
