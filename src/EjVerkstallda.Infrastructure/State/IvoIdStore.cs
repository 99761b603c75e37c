using System.Security.Cryptography;
using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Ivo;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// Keeps each person's IVO identifier: chosen once with random digits, then the same for every beslut and quarter.
/// A person whose birth date or kön is corrected in the case system gets a new identifier that fits.
/// </summary>
public sealed class IvoIdStore(StateDb db, TimeProvider clock)
{
    /// <param name="persist">False for a dry run: new identifiers are made for the output but not kept.</param>
    public async Task<IReadOnlyDictionary<string, string>> AssignAsync(string namnd, IEnumerable<Beslut> beslut, bool persist, CancellationToken ct)
    {
        var persons = beslut
            .Where(b => IvoId.ManualHandlingReason(b) is null)
            .GroupBy(b => b.PersonId, StringComparer.Ordinal)
            .Select(g => (PersonId: g.Key, Fodelsedatum: g.First().Fodelsedatum!.Value, Kon: g.First().Kon!.Value))
            .ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (persons.Count == 0) return result;

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var known = (await c.QueryAsync<(string PersonId, string IvoId)>(new CommandDefinition(
                "SELECT person_id, ivo_id FROM ejv_person WHERE namnd_id = @namnd", new { namnd }, tx, cancellationToken: ct)))
            .ToDictionary(r => r.PersonId, r => r.IvoId, StringComparer.Ordinal);
        var taken = new HashSet<string>(known.Values, StringComparer.Ordinal);
        var inserts = new List<object?[]>();
        var now = StateDb.Now(clock);
        foreach (var (personId, fodelsedatum, kon) in persons)
        {
            if (known.TryGetValue(personId, out var existing) && IvoId.Matches(existing, fodelsedatum, kon))
            {
                result[personId] = existing;
                continue;
            }
            var id = NewId(fodelsedatum, kon, taken);
            taken.Add(id);
            result[personId] = id;
            if (!persist) continue;
            if (existing is null)
            {
                inserts.Add([namnd, personId, id, now]);
                continue;
            }
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE ejv_person SET ivo_id = @id, created_at = @now WHERE namnd_id = @namnd AND person_id = @personId",
                new { namnd, personId, id, now }, tx, cancellationToken: ct));
        }
        await Data.BulkInsert.ExecuteAsync(c, tx, "ejv_person", ["namnd_id", "person_id", "ivo_id", "created_at"], inserts, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private static string NewId(DateOnly fodelsedatum, Kon kon, HashSet<string> taken)
    {
        var start = RandomNumberGenerator.GetInt32(IvoId.SerialsPerBirthDateAndKon);
        for (var i = 0; i < IvoId.SerialsPerBirthDateAndKon; i++)
        {
            var id = IvoId.Create(fodelsedatum, kon, (start + i) % IvoId.SerialsPerBirthDateAndKon);
            if (!taken.Contains(id)) return id;
        }
        throw new InvalidOperationException("all 500 IVO identifiers for one birth date and kön are taken in this nämnd");
    }
}
