using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Policy;

/// <summary>
/// One policy decision: what the policy answered (or that it had no answer, or failed), with the
/// decision id, the digest of the policy bundle that answered and how long it took.
/// </summary>
/// <remarks>
/// Fail closed by construction: <see cref="IsAllowed"/> is true only for a defined result that is
/// <c>true</c> or an object whose <c>allow</c> member is <c>true</c> (DESIGN.md §6: each decision point
/// exposes <c>{"allow", "reasons", "obligations"}</c>). Undefined, errors, <c>"allow": "true"</c> and
/// every other shape deny.
/// </remarks>
public sealed record PolicyDecision
{
    /// <summary>A unique, time-ordered id (UUID v7) for logs and the ledger.</summary>
    public required string DecisionId { get; init; }

    /// <summary>The decision path as evaluated, <c>/</c>-separated (e.g. <c>dataspace/transfer/decision</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Whether the policy produced a value, produced none, or failed.</summary>
    public required PolicyOutcome Outcome { get; init; }

    /// <summary>The value when <see cref="Outcome"/> is <see cref="PolicyOutcome.Defined"/> (a C# null then means JSON <c>null</c>).</summary>
    public JsonNode? Result { get; init; }

    /// <summary>Why the evaluation failed, when <see cref="Outcome"/> is <see cref="PolicyOutcome.Error"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The <c>sha256:…</c> digest of the bundle that answered (see <see cref="PolicyBundle.Digest"/>); null when the backend's policies are not known to this process.</summary>
    public string? BundleDigest { get; init; }

    /// <summary>Which backend answered: <c>embedded</c> or <c>opa</c>.</summary>
    public required string Backend { get; init; }

    /// <summary>When the evaluation started.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>How long the evaluation took, including network time and retries for OPA.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>True only for a defined <c>true</c> or <c>{"allow": true, …}</c>.</summary>
    public bool IsAllowed => Outcome == PolicyOutcome.Defined && Result switch
    {
        JsonValue value => value.GetValueKind() == JsonValueKind.True,
        JsonObject obj => obj["allow"] is JsonValue allow && allow.GetValueKind() == JsonValueKind.True,
        _ => false,
    };

    /// <summary>
    /// Why: the policy's <c>reasons</c> strings when it gave any; otherwise, on deny, a sentence saying
    /// why the decision denies (undefined, error, not allowed).
    /// </summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            var given = Result is JsonObject { } obj && obj["reasons"] is JsonArray reasons
                ? reasons.OfType<JsonValue>().Where(r => r.GetValueKind() == JsonValueKind.String).Select(r => r.GetValue<string>()).ToList()
                : [];
            if (given.Count > 0 || IsAllowed)
            {
                return given;
            }
            return Outcome switch
            {
                PolicyOutcome.Undefined => [$"policy decision {Path} is undefined (no rule applied and no default)"],
                PolicyOutcome.Error => [$"policy decision {Path} failed: {Error}"],
                _ => [$"policy decision {Path} does not allow"],
            };
        }
    }

    /// <summary>The policy's <c>obligations</c> objects (duties that come with an allow), or none.</summary>
    public IReadOnlyList<JsonObject> Obligations =>
        Result is JsonObject { } obj && obj["obligations"] is JsonArray obligations ? obligations.OfType<JsonObject>().ToList() : [];

    /// <summary>
    /// The decision record (docs/formats.md, "Policy decision record"): what an auditor needs to find
    /// the bundle and re-evaluate; <paramref name="input"/> is included when given. The record holds
    /// copies: the decision and the input stay free to use elsewhere.
    /// </summary>
    public JsonObject ToRecord(JsonNode? input = null) => Record(input, copy: true);

    /// <summary>
    /// The same record built from <see cref="Result"/> and <paramref name="input"/> themselves, not
    /// copies, for a caller that made the input for this decision alone (a decision point's input
    /// document is tens of nodes, copied twice per negotiation). Both become part of the record:
    /// they can still be read, but not be placed in another document.
    /// </summary>
    public JsonObject ToRecordAdopting(JsonNode? input) => Record(input, copy: false);

    private JsonObject Record(JsonNode? input, bool copy)
    {
        var record = new JsonObject
        {
            ["decision_id"] = DecisionId,
            ["path"] = Path,
            ["backend"] = Backend,
            ["bundle_digest"] = BundleDigest,
            ["timestamp"] = Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["duration_ns"] = (long)(Duration.Ticks * 100),
            ["outcome"] = Outcome.ToString().ToLowerInvariant(),
            ["allowed"] = IsAllowed,
        };
        if (Outcome == PolicyOutcome.Defined)
        {
            record["result"] = copy || Result?.Parent is not null ? Result?.DeepClone() : Result;
        }
        if (Error is not null)
        {
            record["error"] = Error;
        }
        if (input is not null)
        {
            record["input"] = copy || input.Parent is not null ? input.DeepClone() : input;
        }
        return record;
    }
}
