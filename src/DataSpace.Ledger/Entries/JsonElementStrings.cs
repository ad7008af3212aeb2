using System.Text.Json;

namespace DataSpace.Ledger.Entries;

/// <summary>Reading a string member of a parsed entry without throwing on a missing or non-string one.</summary>
internal static class JsonElementStrings
{
    public static bool TryGetString(this JsonElement obj, string name, out string value)
    {
        value = string.Empty;
        if (obj.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String)
        {
            value = member.GetString()!;
            return true;
        }
        return false;
    }
}
