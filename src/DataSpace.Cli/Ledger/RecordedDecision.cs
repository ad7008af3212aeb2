using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// A policy decision record as a ledger entry carries it (docs/formats.md, "Policy decision
/// record"): the members an auditor needs to find the bundle, re-evaluate the decision and compare.
/// </summary>
/// <param name="Path">The decision path evaluated.</param>
/// <param name="BundleDigest">The digest of the bundle that answered.</param>
/// <param name="Outcome"><c>defined</c>, <c>undefined</c> or <c>error</c>.</param>
/// <param name="Allowed">Whether the decision allowed.</param>
/// <param name="Result">The value, for a defined outcome (a C# null is JSON <c>null</c>).</param>
/// <param name="Input">The input document evaluated.</param>
/// <param name="Timestamp">When the decision was taken: the clock the re-evaluation runs at.</param>
internal sealed record RecordedDecision(string Path, string BundleDigest, string Outcome, bool Allowed, JsonNode? Result, JsonNode Input, DateTimeOffset Timestamp)
{
    /// <summary>The outcome of a decision that produced a value.</summary>
    public const string Defined = "defined";

    /// <summary>Reads a record; <paramref name="problem"/> says what keeps it from being re-evaluated.</summary>
    public static bool TryRead(JsonNode? node, out RecordedDecision? decision, out string? problem)
    {
        decision = null;
        problem = Check(node);
        if (problem is not null)
        {
            return false;
        }
        var record = node!.AsObject();
        DateTimeOffset.TryParse(String(record, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp);
        decision = new RecordedDecision(String(record, "path")!, String(record, "bundle_digest")!, String(record, "outcome")!,
            record["allowed"]!.GetValue<bool>(), record["result"], record["input"]!, timestamp);
        return true;
    }

    private static string? Check(JsonNode? node)
    {
        if (node is not JsonObject record)
        {
            return "is not a JSON object";
        }
        var outcome = String(record, "outcome");
        return String(record, "path") is not { Length: > 0 } ? "names no path"
            : String(record, "bundle_digest") is null ? "names no bundle_digest, so no recorded bundle can re-evaluate it"
            : outcome is not (Defined or "undefined" or "error") ? "has no outcome of defined, undefined or error"
            : record["allowed"] is not JsonValue allowed || allowed.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) ? "has no boolean allowed"
            : (outcome == Defined) != record.ContainsKey("result") ? "must carry a result exactly when its outcome is defined"
            : record["input"] is null ? "carries no input, so it cannot be re-evaluated"
            : !DateTimeOffset.TryParse(String(record, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _) ? "has no valid timestamp"
            : null;
    }

    private static string? String(JsonObject record, string name) =>
        record[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
