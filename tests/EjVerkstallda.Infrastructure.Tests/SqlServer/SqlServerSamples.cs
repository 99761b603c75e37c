using System.Collections;
using System.Reflection;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Tests.SqlServer;

/// <summary>
/// Calls every public instance method of a store with a plausible value for each parameter, so that each statement it sends
/// is rendered. A parameter type without a sample fails loudly: a new method with a new type must get one here.
/// </summary>
public static class SqlServerSamples
{
    /// <summary>In every text value passed: a statement that contains it has a value spliced into its SQL.</summary>
    public const string Marker = "zq9";
    public const string Quarter = "2024Q1";

    public static async Task<List<string>> CallEveryMethodAsync(object store)
    {
        var missing = new List<string>();
        foreach (var method in store.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (method.IsSpecialName) continue;
            var args = method.GetParameters().Select(p => Sample(p)).ToArray();
            if (args.Any(a => a is Missing)) { missing.Add($"{store.GetType().Name}.{method.Name}"); continue; }
            try
            {
                await Consume(method.Invoke(store, args));
            }
            catch (Exception)
            {
                // The recording connection answers with no rows; what matters is the text already sent.
            }
        }
        return missing;
    }

    private static async Task Consume(object? result)
    {
        switch (result)
        {
            case Task t: await t; break;
            case null: break;
            default:
                var asyncEnumerable = result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
                if (asyncEnumerable is null) break;
                var enumerator = asyncEnumerable.GetMethod("GetAsyncEnumerator")!.Invoke(result, [CancellationToken.None])!;
                var move = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
                while (await (ValueTask<bool>)move.Invoke(enumerator, null)!) { }
                break;
        }
    }

    private static object? Sample(ParameterInfo p)
    {
        var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (t == typeof(string)) return p.Name!.Contains("quarter", StringComparison.OrdinalIgnoreCase) ? Quarter : $"{Marker}-{p.Name}";
        if (t == typeof(CancellationToken)) return CancellationToken.None;
        if (t == typeof(long)) return 1L;
        if (t == typeof(int)) return 10;
        if (t == typeof(bool)) return true;
        if (t == typeof(TimeSpan)) return TimeSpan.FromMinutes(1);
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);
        if (t == typeof(Kvartal)) return Kvartal.Parse(Quarter);
        if (t == typeof(RunOutcome)) return new RunOutcome(RunOutcome.Succeeded, Reports: 1);
        if (t == typeof(List<DataQualityProblem>)) return new List<DataQualityProblem>();
        if (t == typeof(Core.Lifecycle.Actor)) return new Core.Lifecycle.Actor(Marker + "-id", Marker + " name", Core.Lifecycle.Actor.FromOs);
        if (t == typeof(Core.Lifecycle.QuarterLifecycle)) return Lifecycle(after: p.Name == "after");
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments() is [var item] && One(item) is { } one)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(one);
            list.Add(one is string ? Marker + "-B-2" : one);
            return list;
        }
        return p.HasDefaultValue ? p.DefaultValue : Missing.Value;
    }

    private static object? One(Type item) => item switch
    {
        _ when item == typeof(string) => Marker + "-B-1",
        _ when item == typeof(LedgerRow) => new LedgerRow { BeslutId = Marker + "-B-1", Kind = "ej_verkstallt", Status = "ny", Lag = "SoL", InsatsKod = "HTJ", StartDate = "2023-10-01", Deadline = "2024-01-01" },
        _ when item == typeof(DataQualityProblem) => new DataQualityProblem(Marker + "-B-9", Marker + " problem"),
        _ when item == typeof(OutboxMessage) => new OutboxMessage { MessageId = Marker + "-m-1", Namnd = Marker + "-sn", Quarter = Quarter, Kind = OutboxKinds.Draft, Role = "handlaggare", Recipients = [Marker + "@example.org"], Subject = Marker + " s", Body = Marker + " b" },
        _ when item == typeof(Core.Beslut.Beslut) => new Core.Beslut.Beslut
        {
            Id = Marker + "-B-1", PersonId = Marker + "-P-1", Insats = new InsatsDefinition("HTJ", "Hemtjänst", Lag.SoL, "bistand"),
            Beslutsdatum = new DateOnly(2024, 1, 1), Fodelsedatum = new DateOnly(1950, 1, 1), Kon = Kon.K,
        },
        _ when item == typeof(VersionDelivery) => new VersionDelivery { Namnd = Marker + "-sn", Quarter = Quarter, Version = 1, Role = "namnd", Purpose = "namnd", MessageId = Marker + "-m-1", Channel = "mail", RecordedAt = "2024-04-01T08:00:00Z" },
        _ when item == typeof(AuditEvent) => AuditEvent.Of(new Core.Lifecycle.Actor(Marker + "-id", Marker + " name", "os"), "2024-04-01T08:00:00Z", Marker + "-sn", Quarter, "approve", 1, 2, Marker + " detail"),
        _ => null,
    };

    /// <summary>Before: version 1 a draft; after: version 1 approved and version 2 a new draft (an UPDATE and an INSERT).</summary>
    private static Core.Lifecycle.QuarterLifecycle Lifecycle(bool after)
    {
        var at = new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);
        var v1 = new Core.Lifecycle.QuarterVersion(1, Core.Lifecycle.VersionState.Draft, Marker + "-hash", at);
        if (!after) return new Core.Lifecycle.QuarterLifecycle(Marker + "-sn", Kvartal.Parse(Quarter), [v1]);
        var approved = v1 with { State = Core.Lifecycle.VersionState.Superseded, Approval = new(new Core.Lifecycle.Actor(Marker + "-id", Marker + " n", "os"), at), SupersededAt = at };
        return new Core.Lifecycle.QuarterLifecycle(Marker + "-sn", Kvartal.Parse(Quarter), [approved, v1 with { Version = 2 }]);
    }
}
