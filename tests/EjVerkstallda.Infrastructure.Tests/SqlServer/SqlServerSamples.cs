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
        if (t == typeof(string)) return p.Name!.Contains("quarter", StringComparison.OrdinalIgnoreCase) ? "2024Q1" : "sn";
        if (t == typeof(CancellationToken)) return CancellationToken.None;
        if (t == typeof(long)) return 1L;
        if (t == typeof(int)) return 10;
        if (t == typeof(bool)) return true;
        if (t == typeof(TimeSpan)) return TimeSpan.FromMinutes(1);
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);
        if (t == typeof(Kvartal)) return Kvartal.Parse("2024Q1");
        if (t == typeof(RunOutcome)) return new RunOutcome(RunOutcome.Succeeded, Reports: 1);
        if (t == typeof(List<DataQualityProblem>)) return new List<DataQualityProblem>();
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments() is [var item] && One(item) is { } one)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(one);
            list.Add(one is string ? "B-2" : one);
            return list;
        }
        return p.HasDefaultValue ? p.DefaultValue : Missing.Value;
    }

    private static object? One(Type item) => item switch
    {
        _ when item == typeof(string) => "B-1",
        _ when item == typeof(LedgerRow) => new LedgerRow { BeslutId = "B-1", Kind = "ej_verkstallt", Status = "ny", Lag = "SoL", InsatsKod = "HTJ", StartDate = "2023-10-01", Deadline = "2024-01-01" },
        _ when item == typeof(DataQualityProblem) => new DataQualityProblem("B-9", "unknown insats_kod"),
        _ when item == typeof(OutboxMessage) => new OutboxMessage { MessageId = "m-1", Namnd = "sn", Quarter = "2024Q1", Kind = OutboxKinds.Draft, Role = "handlaggare", Recipients = ["a@example.org"], Subject = "s", Body = "b" },
        _ when item == typeof(Core.Beslut.Beslut) => new Core.Beslut.Beslut
        {
            Id = "B-1", PersonId = "P-1", Insats = new InsatsDefinition("HTJ", "Hemtjänst", Lag.SoL, "bistand"),
            Beslutsdatum = new DateOnly(2024, 1, 1), Fodelsedatum = new DateOnly(1950, 1, 1), Kon = Kon.K,
        },
        _ => null,
    };
}
