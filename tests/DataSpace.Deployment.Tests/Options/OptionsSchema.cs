using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using DataSpace.Broker.Hosting;
using DataSpace.Hosting.Policies;

namespace DataSpace.Deployment.Tests.Options;

/// <summary>
/// The settings an options class really has, found by reflection as the configuration binder finds
/// them: public settable properties, case-insensitive, nested option classes and records walked,
/// lists indexed by number. Also the values the services accept for their string "enums".
/// </summary>
internal static class OptionsSchema
{
    /// <summary>String settings the services compare against fixed values (case-sensitive, as their Problems() do).</summary>
    private static readonly Dictionary<(Type, string), string[]> Choices = new()
    {
        [(typeof(LedgerStoreOptions), nameof(LedgerStoreOptions.Store))] = [LedgerStoreOptions.File, LedgerStoreOptions.Azure],
        [(typeof(PolicyBackendOptions), nameof(PolicyBackendOptions.Backend))] = [PolicyBackendOptions.Embedded, PolicyBackendOptions.Opa],
    };

    /// <summary>
    /// Checks one environment variable of a section (<paramref name="section"/>, e.g. <c>Broker</c>)
    /// against <paramref name="root"/>; null when the key names a setting and the value fits it,
    /// otherwise what is wrong.
    /// </summary>
    public static string? Check(Type root, string section, string key, string? value)
    {
        var segments = key.Split("__");
        if (!segments[0].Equals(section, StringComparison.OrdinalIgnoreCase) || segments.Length < 2)
        {
            return $"is not a {section}__… setting";
        }
        var type = root;
        PropertyInfo? property = null;
        Type? owner = null;
        var path = section;
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (IsScalar(type))
            {
                return $"{path} is a single value ({Describe(type)}); it has no setting '{segment}'";
            }
            if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"{path} is a list; its items are {path}:0, {path}:1, … (environment {string.Join("__", segments.Take(i))}__0), not '{segment}'";
                }
                owner = null;
                property = null;
                type = element;
                path += ":" + segment;
                continue;
            }
            var next = Settable(type).FirstOrDefault(p => p.Name.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (next is null)
            {
                return $"{path} ({type.Name}) has no setting '{segment}'; it has {string.Join(", ", Settable(type).Select(p => p.Name))}";
            }
            owner = type;
            property = next;
            type = Nullable.GetUnderlyingType(next.PropertyType) ?? next.PropertyType;
            path += ":" + next.Name;
        }
        if (!IsScalar(type))
        {
            return ElementType(type) is not null
                ? $"{path} is a list; set its items as {key}__0, {key}__1, …"
                : $"{path} is a group of settings ({type.Name}: {string.Join(", ", Settable(type).Select(p => p.Name))}), not a value";
        }
        return value is null ? null : CheckValue(owner, property, type, path, value);
    }

    /// <summary>Every setting path of <paramref name="root"/> (for messages and the tests of this class).</summary>
    public static IEnumerable<string> Paths(Type root, string prefix)
    {
        foreach (var property in Settable(root))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var path = prefix + "__" + property.Name;
            if (IsScalar(type) || ElementType(type) is not null)
            {
                yield return path;
            }
            else
            {
                foreach (var nested in Paths(type, path))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string? CheckValue(Type? owner, PropertyInfo? property, Type type, string path, string value)
    {
        if (owner is not null && property is not null && Choices.TryGetValue((owner, property.Name), out var choices))
        {
            return choices.Contains(value, StringComparer.Ordinal) ? null : $"{path} is \"{value}\"; the service accepts {string.Join(" or ", choices.Select(c => $"\"{c}\""))}";
        }
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase) && !int.TryParse(value, CultureInfo.InvariantCulture, out _)
                ? null
                : $"{path} is \"{value}\"; the service accepts {string.Join(" or ", Enum.GetNames(type).Select(c => $"\"{c}\""))}";
        }
        if (type == typeof(string))
        {
            return null;
        }
        try
        {
            // What the configuration binder does with a string for a value of this type.
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return $"{path} is \"{value}\", which is not {Describe(type)}";
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration such as 00:00:30",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(ulong) => $"a whole number ({type.Name})",
        _ when type == typeof(bool) => "true or false",
        _ => type.Name,
    };
}
