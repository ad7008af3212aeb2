using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using DataSpace.Core.Policies;
using DataSpace.Policy;

namespace DataSpace.Hosting.Policies;

/// <summary>
/// Where a service asks its policy: evaluates, measures the latency, and returns the decision with
/// its record (input included, docs/formats.md "Policy decision record") ready to go into a ledger
/// entry. Fail closed: an engine error is a denial whose reason says the policy could not answer.
/// </summary>
public sealed class PolicyGate(IPolicyEngine engine, PolicyBundle bundle)
{
    private static readonly Meter Meter = new("DataSpace.Policy");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("dataspace.policy.decision.duration", "ms", "Time to take one policy decision.");

    /// <summary>The loaded bundle, whose files are recorded in the ledger.</summary>
    public PolicyBundle Bundle { get; } = bundle;

    /// <summary>The bundle as the body of a <c>policy.bundle</c> entry.</summary>
    public PolicyBundleRecord BundleRecord() => RecordOf(Bundle);

    /// <summary>A bundle as the body of a <c>policy.bundle</c> entry.</summary>
    public static PolicyBundleRecord RecordOf(PolicyBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new(bundle.Digest, [.. bundle.Files.Select(f => new PolicyBundleFile(f.Name, System.Text.Encoding.UTF8.GetString(f.Content.Span)))]);
    }

    /// <summary>
    /// Evaluates <paramref name="path"/> for <paramref name="input"/>, which becomes part of the
    /// decision's record as it is (not copied): pass a document built for this decision.
    /// </summary>
    public async Task<GateDecision> DecideAsync(string path, JsonObject input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var decision = await engine.EvaluateAsync(path, input, cancellationToken).ConfigureAwait(false);
        Latency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("path", path), new KeyValuePair<string, object?>("allowed", decision.IsAllowed));
        var reasons = decision.IsAllowed ? [] : decision.Reasons.Count > 0 ? decision.Reasons
            : [decision.Error is { } error ? $"the policy could not decide ({error}); denied (fail closed)" : "the policy did not allow it (default deny)"];
        return new GateDecision(decision.IsAllowed, reasons, decision.Obligations, decision.ToRecordAdopting(input));
    }
}

/// <summary>A decision as services use it.</summary>
/// <param name="Allowed">Whether the policy allowed.</param>
/// <param name="Reasons">Why not, when denied.</param>
/// <param name="Obligations">The duties an allow carries.</param>
/// <param name="Record">The decision record with its input, for the ledger.</param>
public sealed record GateDecision(bool Allowed, IReadOnlyList<string> Reasons, IReadOnlyList<JsonObject> Obligations, JsonObject Record);
