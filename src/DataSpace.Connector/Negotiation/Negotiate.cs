using DataSpace.Core;
using DataSpace.Core.Api;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Mediation;
using Mediator;

namespace DataSpace.Connector.Negotiation;

/// <summary>
/// The consumer negotiates a contract for an offer, start to end: it signs the request, and when
/// the provider agrees it checks the agreement grants exactly what it asked, countersigns it, and
/// returns once the broker recorded it FINALIZED (or with the reasons it was terminated). A
/// counter-offer is returned OFFERED for the caller to accept or decline, or accepted here when
/// <paramref name="AcceptNarrowerTerms"/> is set and it grants no more than was asked.
/// </summary>
/// <param name="RequestId">The consumer's request id; repeat it to retry without a second negotiation.</param>
/// <param name="OfferId">The offer.</param>
/// <param name="Purpose">The declared purpose.</param>
/// <param name="Destination">Where the data will go (ISO 3166-1 alpha-2).</param>
/// <param name="Delivery">copy or compute.</param>
/// <param name="Terms">The terms asked for.</param>
/// <param name="AcceptNarrowerTerms">Accept a counter-offer without asking again when its terms lie inside <paramref name="Terms"/>.</param>
public sealed record Negotiate(string RequestId, string OfferId, string Purpose, string Destination, string Delivery, RequestedTerms Terms, bool AcceptNarrowerTerms = false)
    : ICommand<Result<NegotiationView>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => string.IsNullOrWhiteSpace(OfferId) ? Error.Invalid("offerId is required.") : null;
}

internal sealed class NegotiateHandler(ContractRequests requests, ParticipantKeys keys, TimeProvider clock) : ICommandHandler<Negotiate, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(Negotiate command, CancellationToken cancellationToken)
    {
        var request = new ContractRequest(command.RequestId, command.OfferId, keys.ParticipantId, command.Purpose, command.Destination, command.Delivery, command.Terms, Timestamps.Now(clock));
        return await requests.SendAsync(request, command.AcceptNarrowerTerms, cancellationToken).ConfigureAwait(false);
    }
}
