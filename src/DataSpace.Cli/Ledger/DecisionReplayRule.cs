using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Policies;
using DataSpace.Core.Transfers;
using DataSpace.Ledger;
using DataSpace.Ledger.Entries;
using DataSpace.Policy;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// The audit's decision rule (DESIGN §5 step 6: "every decision reproducible from its recorded
/// input and bundle digest"). Each decision record an entry carries — its <c>decision</c>, or
/// each of its <c>decisions[]</c> — is taken again, offline:
/// 1. read the record (path, bundle_digest, outcome, allowed, result, input, timestamp);
/// 2. its path must be the decision point the entry rests on (an agreement or a termination on
///    <c>dataspace/negotiation/decision</c>, a transfer on <c>dataspace/transfer/decision</c>);
/// 3. find the bundle by digest among the <c>policy.bundle</c> entries before it, check that its
///    files hash to the digest and compile it, once per digest (<see cref="RecordedBundles"/>);
/// 4. evaluate the path with the recorded input, the clock set to the recorded timestamp;
/// 5. compare the outcome, <c>allowed</c> and the RFC 8785 canonical JSON of the result.
/// Any failure refuses the entry: the audit reports it at the entry's index, naming the decision.
/// </summary>
/// <remarks>
/// The log never runs this rule (the broker's own engine took the decisions); only the auditor does.
/// It runs after the space rule, so it sees only entries that keep the space's invariants.
/// </remarks>
internal sealed class DecisionReplayRule : IEntryRule
{
    /// <summary>The rule's name in reports.</summary>
    public const string RuleName = "decision-replay";

    private static readonly Dictionary<string, string> DecisionPoints = new(StringComparer.Ordinal)
    {
        [Agreement.EntryType] = PolicyInputs.NegotiationPath,
        [NegotiationTerminated.EntryType] = PolicyInputs.NegotiationPath,
        [TransferStarted.EntryType] = PolicyInputs.TransferPath,
    };

    private readonly ReplayClock _clock = new();
    private readonly RecordedBundles _bundles;

    public DecisionReplayRule()
    {
        // A generous time limit: a slow audit machine must not turn a decision into an error.
        _bundles = new RecordedBundles(new EmbeddedPolicyOptions { TimeProvider = _clock, Timeout = TimeSpan.FromSeconds(30) });
    }

    public string Name => RuleName;

    /// <summary>Decisions re-evaluated so far.</summary>
    public int Replayed { get; private set; }

    /// <summary>Recorded bundles compiled so far.</summary>
    public int Bundles => _bundles.Compiled;

    public Verdict Check(AcceptedEntry entry)
    {
        var problems = new List<string>();
        foreach (var (member, node) in Records(entry.Entry.Body))
        {
            if (Replay(entry.Entry.Type, node) is { } problem)
            {
                problems.Add($"{member} {problem}");
            }
        }
        return problems.Count == 0 ? Verdict.Valid : Verdict.Invalid(string.Join("; ", problems));
    }

    public void Apply(AcceptedEntry entry)
    {
        if (entry.Entry.Type == PolicyBundleRecord.EntryType && DomainJson.Read<PolicyBundleRecord>(entry.Entry.Body, "the policy bundle") is { IsSuccess: true } read)
        {
            _bundles.Record(entry.Index, read.Value);
        }
    }

    /// <summary>The decision records of an entry body, each with the name of the member it sits in.</summary>
    private static List<(string Member, JsonNode? Record)> Records(JsonElement body)
    {
        var records = new List<(string, JsonNode?)>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return records;
        }
        if (body.TryGetProperty("decision", out var single) && single.ValueKind != JsonValueKind.Null)
        {
            records.Add(("decision", JsonNode.Parse(single.GetRawText())));
        }
        if (body.TryGetProperty("decisions", out var many) && many.ValueKind != JsonValueKind.Null)
        {
            if (many.ValueKind != JsonValueKind.Array)
            {
                records.Add(("decisions", JsonNode.Parse(many.GetRawText())));
            }
            else
            {
                var i = 0;
                foreach (var item in many.EnumerateArray())
                {
                    records.Add(($"decisions[{i}]", JsonNode.Parse(item.GetRawText())));
                    i++;
                }
            }
        }
        return records;
    }

    /// <summary>Steps 1-5 for one record: null when it is reproduced, otherwise what is wrong.</summary>
    private string? Replay(string entryType, JsonNode? node)
    {
        // Step 1: the record.
        if (!RecordedDecision.TryRead(node, out var recorded, out var unreadable))
        {
            return unreadable;
        }
        var decision = recorded!;

        // Step 2: the decision point the entry rests on.
        if (DecisionPoints.TryGetValue(entryType, out var expected) && decision.Path != expected)
        {
            return $"evaluated {decision.Path}, but a {entryType} entry rests on {expected}";
        }

        // Step 3: the recorded bundle.
        var engine = _bundles.Engine(decision.BundleDigest);
        if (!engine.IsSuccess)
        {
            return $"cannot be re-evaluated: {engine.Error.Message}";
        }

        // Step 4: evaluate again, at the recorded time.
        _clock.Now = decision.Timestamp;
        PolicyDecision again;
        try
        {
            again = engine.Value.Evaluate(decision.Path, decision.Input);
        }
        catch (ArgumentException e)
        {
            return $"names a path that cannot be evaluated: {e.Message}";
        }
        Replayed++;

        // Step 5: the same answer.
        return DecisionComparison.Difference(decision, again) is { } difference
            ? $"({decision.Path} under bundle {decision.BundleDigest}) does not reproduce: {difference}"
            : null;
    }
}
