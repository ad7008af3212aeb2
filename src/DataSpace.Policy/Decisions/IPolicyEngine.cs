using System.Text.Json.Nodes;

namespace DataSpace.Policy;

/// <summary>
/// Asks a policy for a decision. Two backends answer the same way: the embedded Rego engine
/// (<see cref="EmbeddedPolicyEngine"/>) and an OPA server over its REST API (<see cref="OpaPolicyEngine"/>).
/// </summary>
/// <remarks>
/// Implementations never throw for a failed evaluation: an unreachable server, a timeout or a policy
/// error comes back as a <see cref="PolicyDecision"/> with <see cref="PolicyOutcome.Error"/> and a
/// reason, which denies (fail closed). Only cancellation by the caller throws.
/// </remarks>
public interface IPolicyEngine
{
    /// <summary>Evaluates the document at <paramref name="path"/> (e.g. <c>dataspace/transfer/decision</c>) for an input.</summary>
    /// <param name="path">A decision path with <c>/</c> or <c>.</c> separators, with or without a leading <c>data.</c>.</param>
    /// <param name="input">The input document; null for none.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    Task<PolicyDecision> EvaluateAsync(string path, JsonNode? input, CancellationToken cancellationToken = default);

    /// <summary>Whether the engine can answer now.</summary>
    Task<PolicyEngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
