using System.Collections;
using System.ComponentModel;
using System.Reflection;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker;

/// <summary>
/// Keys under <c>Ejv:</c> that no option reads: a mistyped key (<c>Ejv:Source:Provder</c>) would otherwise be ignored in
/// silence and the default used. Compared with the options types' properties (case-insensitive, as the binder does),
/// recursively through nested options, lists (index keys) and dictionaries (any key).
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>Sections under <c>Ejv</c> read outside <see cref="EjvOptions"/>.</summary>
    private static readonly Dictionary<string, Type> Extra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging"] = typeof(Logging.FileLogOptions),
        ["Web"] = typeof(Web.WebOptions),
    };

    public static IReadOnlyList<string> Unknown(IConfiguration configuration)
    {
        var unknown = new List<string>();
        foreach (var child in configuration.GetSection(EjvOptions.Section).GetChildren())
        {
            var type = Extra.TryGetValue(child.Key, out var extra) ? extra : ChildType(typeof(EjvOptions), child.Key);
            if (type is null) unknown.Add(child.Path);
            else Walk(child, type, unknown);
        }
        return unknown;
    }

    public static void Warn(IConfiguration configuration, ILogger logger)
    {
        foreach (var key in Unknown(configuration)) UnknownKey(logger, key);
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> unknown)
    {
        foreach (var child in section.GetChildren())
        {
            if (ChildType(type, child.Key) is { } childType) Walk(child, childType, unknown);
            else unknown.Add(child.Path);
        }
    }

    /// <summary>The type a child key binds to, or null when <paramref name="type"/> has no such child.</summary>
    private static Type? ChildType(Type type, string key)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type)) return null;
        if (type.IsArray) return IsIndex(key) ? type.GetElementType() : null;
        if (GenericArgument(type, typeof(IDictionary<,>)) is { Length: 2 } kv) return kv[1];
        if (GenericArgument(type, typeof(IEnumerable<>)) is { Length: 1 } item) return IsIndex(key) ? item[0] : null;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetIndexParameters().Length == 0 && p.Name.Equals(key, StringComparison.OrdinalIgnoreCase))?.PropertyType;
    }

    private static bool IsIndex(string key) => int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>A value the binder converts from one string (as <c>ConfigurationBinder</c> decides: a type converter from string).</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object)
        || (!typeof(IEnumerable).IsAssignableFrom(type) && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static Type[]? GenericArgument(Type type, Type open) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == open ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == open))
        ?.GetGenericArguments();

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Unknown configuration key {Key} is ignored: no option reads it (check its spelling against README \"Configuration\")")]
    private static partial void UnknownKey(ILogger logger, string key);
}
