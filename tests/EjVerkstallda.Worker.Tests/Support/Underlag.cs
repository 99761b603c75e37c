using System.Text.Json;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>Reads <c>ivo-underlag.json</c> back as a user's script would.</summary>
public sealed class Underlag
{
    private Underlag(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static Underlag Read(string folder, string namnd, string quarter) =>
        new(JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(folder, namnd, quarter, "ivo-underlag.json"))).RootElement);

    public IReadOnlyList<JsonElement> Reports => Root.GetProperty("reports").EnumerateArray().ToList();

    public JsonElement? Report(string beslutId, string kind = "ej_verkstallt") =>
        Reports.Where(r => r.GetProperty("beslutId").GetString() == beslutId && r.GetProperty("kind").GetString() == kind)
            .Select(r => (JsonElement?)r).SingleOrDefault();

    public IReadOnlyList<string?> Ids => Reports.Select(r => r.GetProperty("beslutId").GetString()).ToList();

    public IReadOnlyList<(string? BeslutId, string? Problem)> DataQuality =>
        Root.GetProperty("dataQuality").EnumerateArray().Select(p => (p.GetProperty("beslutId").GetString(), p.GetProperty("problem").GetString())).ToList();
}

public static class JsonElementExtensions
{
    public static string? Str(this JsonElement? e, string name) => e!.Value.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.Value.GetProperty(name).ToString();
}
