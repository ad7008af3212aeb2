using DataSpace.Connector.Common;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Negotiation;

/// <summary>
/// Negotiations in which the provider made a counter-offer that this consumer has not answered yet
/// (<c>DataDirectory/offered</c>): the request they started from is kept, so the agreement that follows
/// an acceptance is checked against what was asked and accepted, even after a restart.
/// </summary>
internal sealed class OfferedNegotiations(ConnectorOptions options)
{
    private string Folder => Path.Combine(options.DataDirectory, "offered");

    public Task SaveAsync(OfferedNegotiation offered, CancellationToken cancellationToken) =>
        JsonFiles.WriteAsync(PathOf(offered.NegotiationId), offered, cancellationToken);

    /// <summary>The counter-offer waiting in <paramref name="negotiationId"/>, or why there is none to answer.</summary>
    public async Task<Result<OfferedNegotiation>> WaitingAsync(string negotiationId, CancellationToken cancellationToken) =>
        await JsonFiles.ReadAsync<OfferedNegotiation>(PathOf(negotiationId), cancellationToken).ConfigureAwait(false) is { } waiting
            ? waiting
            : Error.NotFound($"No counter-offer waits for this consumer's answer in negotiation {negotiationId}.");

    /// <summary>Forgets a negotiation once it was answered to its end (finalized or terminated).</summary>
    public void Forget(string negotiationId)
    {
        if (File.Exists(PathOf(negotiationId)))
        {
            File.Delete(PathOf(negotiationId));
        }
    }

    private string PathOf(string negotiationId) => Path.Combine(Folder, JsonFiles.SafeName(negotiationId));
}

/// <summary>A counter-offer waiting for this consumer's answer.</summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Provider">The provider who made it.</param>
/// <param name="Request">The consumer's request the negotiation started from.</param>
/// <param name="CounterTerms">The terms the provider offered instead.</param>
internal sealed record OfferedNegotiation(string NegotiationId, string Provider, ContractRequest Request, RequestedTerms CounterTerms);
