using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;
using DataSpace.Policy;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// Whether a re-evaluated decision gives the recorded answer: the same outcome, the same
/// <c>allowed</c>, and for a defined outcome a result with the same RFC 8785 canonical form
/// (so member order and number spelling do not matter, every value does). Two errors agree
/// whatever their messages: an error denies either way.
/// </summary>
internal static class DecisionComparison
{
    private const int MaxShown = 300;

    /// <summary>Null when they agree; otherwise a sentence showing both answers.</summary>
    public static string? Difference(RecordedDecision recorded, PolicyDecision again)
    {
        var outcome = again.Outcome.ToString().ToLowerInvariant();
        if (outcome != recorded.Outcome)
        {
            var detail = again.Error is { } error ? $" ({error})" : again.Outcome == PolicyOutcome.Defined ? $" with {Show(again.Result)}" : "";
            return $"recorded outcome {recorded.Outcome}, but the policy now answers {outcome}{detail}";
        }
        if (recorded.Outcome == RecordedDecision.Defined && Canonical(recorded.Result) != Canonical(again.Result))
        {
            var verdict = recorded.Allowed == again.IsAllowed
                ? $"both answers have allowed={Bool(again.IsAllowed)}, but the results differ"
                : $"recorded allowed={Bool(recorded.Allowed)}, but the policy answers allowed={Bool(again.IsAllowed)}{(again.IsAllowed ? "" : $" ({string.Join("; ", again.Reasons)})")}";
            return $"{verdict}; recorded result {Show(recorded.Result)}, re-evaluated result {Show(again.Result)}";
        }
        return recorded.Allowed != again.IsAllowed
            ? $"recorded allowed={Bool(recorded.Allowed)}, but its result {Show(recorded.Result)} means allowed={Bool(again.IsAllowed)}"
            : null;
    }

    private static string Canonical(JsonNode? value)
    {
        try
        {
            return Encoding.UTF8.GetString(CanonicalJson.Serialize(value));
        }
        catch (CanonicalJsonException e)
        {
            // Not I-JSON: it cannot equal anything the policy gives back.
            return $"(not I-JSON: {e.Message})";
        }
    }

    private static string Show(JsonNode? value)
    {
        var text = Canonical(value);
        return text.Length <= MaxShown ? text : text[..MaxShown] + "…";
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
