using System.Text.Json;

namespace DataSpace.Policy;

/// <summary>RFC 6901 JSON pointers as text: split into unescaped segments, extend, resolve.</summary>
internal static class JsonPointerText
{
    /// <summary>The unescaped reference tokens of <paramref name="pointer"/> (none for the empty pointer).</summary>
    public static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    /// <summary><paramref name="pointer"/> extended by the member <paramref name="name"/>, escaped.</summary>
    public static string Append(string pointer, string name) =>
        $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    /// <summary>The value at <paramref name="pointer"/>, or null when nothing is there.</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var value = root;
        foreach (var segment in Segments(pointer))
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var member))
            {
                value = member;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return null;
            }
        }
        return value;
    }
}
