using DataSpace.Core.Api;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Results;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// Runs a consumer's follow-up message on its open negotiation: finds it, takes its gate, checks
/// the caller is its consumer and it is still open, then runs <c>step</c>. An ended negotiation
/// answers 409 with the state the ledger shows.
/// </summary>
internal sealed class ConsumerTurn(BrokerLedger ledger, NegotiationBook book)
{
    public async Task<Result<NegotiationView>> RunAsync(string caller, string negotiationId, Func<OpenNegotiation, Task<Result<NegotiationView>>> step, CancellationToken cancellationToken)
    {
        if (book.Find(negotiationId) is not { } n)
        {
            return await NegotiationLookup.EndedAsync(ledger, negotiationId, cancellationToken).ConfigureAwait(false) is { } ended
                ? Error.Conflict($"Negotiation {negotiationId} is {ended.State} (ledger index {ended.LedgerIndex}); it accepts no more messages.")
                : Error.NotFound($"No open negotiation {negotiationId} (a broker restart drops unfinished negotiations: send the request again).");
        }
        if (n.Request.Consumer != caller)
        {
            return Error.Forbidden($"Only the consumer {n.Request.Consumer} sends this message in negotiation {negotiationId}.");
        }
        await n.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (book.Find(negotiationId) is null)
            {
                return Error.Conflict($"Negotiation {negotiationId} ended while this message waited.");
            }
            return await step(n).ConfigureAwait(false);
        }
        finally
        {
            n.Gate.Release();
        }
    }
}
