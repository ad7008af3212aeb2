using DataSpace.Core.Api;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Results;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>Where a negotiation stands, for one of its parties.</summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="NegotiationId">The negotiation.</param>
public sealed record GetNegotiation(string Caller, string NegotiationId) : IQuery<Result<NegotiationView>>;

internal sealed class GetNegotiationHandler(BrokerLedger ledger, NegotiationBook book) : IQueryHandler<GetNegotiation, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(GetNegotiation query, CancellationToken cancellationToken)
    {
        var view = book.Find(query.NegotiationId) is { } open
            ? NegotiationViews.Of(open)
            : await NegotiationLookup.EndedAsync(ledger, query.NegotiationId, cancellationToken).ConfigureAwait(false);
        if (view is null || (view.Consumer != query.Caller && view.Provider != query.Caller))
        {
            // A non-party learns nothing, not even that the negotiation exists.
            return Error.NotFound($"No negotiation {query.NegotiationId} of {query.Caller}.");
        }
        return view;
    }
}
