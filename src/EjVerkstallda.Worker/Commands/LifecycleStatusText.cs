using System.Text;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Worker.Lifecycle;

namespace EjVerkstallda.Worker.Commands;

/// <summary>The lifecycle lines of <c>ejv status</c>: each quarter's version and state, who approved and decided, what went to whom.</summary>
public static class LifecycleStatusText
{
    public const int Shown = 8;

    public static void Append(StringBuilder sb, IReadOnlyList<QuarterStatus> quarters)
    {
        sb.AppendLine($"Quarters (version, state){(quarters.Count > Shown ? $", the last {Shown} (ejv status --json lists all)" : "")}:");
        if (quarters.Count == 0) sb.AppendLine("  none yet");
        foreach (var q in quarters.TakeLast(Shown))
        {
            sb.AppendLine($"  {q.Quarter} version {q.Version} {q.State}; revisorer: {RevisorerText(q.Revisorer)}");
            foreach (var v in q.Versions) Version(sb, v);
        }
    }

    private static void Version(StringBuilder sb, VersionStatus v)
    {
        var line = new StringBuilder($"    v{v.Version} {v.State}, made {v.CreatedAt}");
        if (v.ApprovedBy is { } a) line.Append($"; approved by {Who(a)} at {v.ApprovedAt}");
        if (v.DecidedBy is { } d) line.Append($"; decided {v.DecisionDate} {v.DecisionParagraph} (recorded by {Who(d)} at {v.DecidedAt})");
        if (v.SupersededAt is not null) line.Append($"; superseded {v.SupersededAt}");
        sb.AppendLine(line.ToString());
        foreach (var s in v.Sent)
            sb.AppendLine($"      {s.Role} ({s.Purpose}): {s.State}{(s.SentAt is null ? "" : " " + s.SentAt)}{(s.MessageId is null ? "" : " " + s.MessageId)}");
    }

    private static string RevisorerText(string state) => state == "-" ? "- (after approval)" : state;

    private static string Who(Actor a) => a.DisplayName == a.Id ? $"{a.Id} ({a.Source})" : $"{a.DisplayName} ({a.Id}, {a.Source})";
}
