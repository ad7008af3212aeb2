using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Core.Policies;

/// <summary>Reading the decision records services pass around and record (docs/formats.md, "Policy decision record").</summary>
public static class DecisionRecords
{
    /// <summary>Whether the record says the policy allowed: a boolean <c>allowed</c> that is true, and nothing else.</summary>
    public static bool Allowed(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record["allowed"] is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.True;
    }

    /// <summary>The same, for a record read into an immutable element (as an agreement carries them).</summary>
    public static bool Allowed(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("allowed", out var allowed) && allowed.ValueKind == JsonValueKind.True;

    /// <summary>The reasons a record's policy result gives (<c>result.reasons</c>), the strings among them; none if it gives none.</summary>
    public static IEnumerable<string> Reasons(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
        && result.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array
            ? reasons.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)
            : [];
}
