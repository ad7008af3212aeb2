using DataSpace.Connector.Brokering;
using DataSpace.Core;
using DataSpace.Core.Api;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Negotiation;

/// <summary>The consumer accepts the provider's counter-offer; <paramref name="Terms"/> must repeat it exactly, so only terms the caller has seen are accepted.</summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Terms">The counter-offer's terms, as the OFFERED negotiation showed them.</param>
public sealed record AcceptCounterOffer(string NegotiationId, RequestedTerms Terms) : ICommand<Result<NegotiationView>>;

/// <summary>
/// The consumer answers the provider's counter-offer with terms of its own (DSP: OFFERED → REQUESTED):
/// the same request with <paramref name="Terms"/>, signed anew; the provider decides again.
/// </summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Terms">The terms asked for now.</param>
/// <param name="AcceptNarrowerTerms">As for <see cref="Negotiate"/>: take a new counter-offer that grants no more than these terms.</param>
public sealed record CounterRequest(string NegotiationId, RequestedTerms Terms, bool AcceptNarrowerTerms = false) : ICommand<Result<NegotiationView>>;

/// <summary>The consumer declines the provider's counter-offer: the negotiation ends, recorded with the reason.</summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Reason">Why (recorded in the ledger).</param>
public sealed record DeclineCounterOffer(string NegotiationId, string? Reason) : ICommand<Result<NegotiationView>>;

/// <summary>Signs and sends the consumer's acceptance of a counter-offer, then completes the agreement.</summary>
internal sealed class CounterOfferAcceptance(BrokerClient broker, AgreementCompletion completion, ParticipantKeys keys, TimeProvider clock)
{
    public async Task<Result<NegotiationView>> AcceptAsync(OfferedNegotiation pending, RequestedTerms terms, CancellationToken cancellationToken)
    {
        var accepted = new OfferAccepted(pending.NegotiationId, terms, Timestamps.Now(clock));
        var entry = LedgerEntry.FromRecord(OfferAccepted.EntryType, accepted, [keys.Signer]);
        var view = await broker.AcceptOfferAsync(pending.NegotiationId, entry, cancellationToken).ConfigureAwait(false);
        return await completion.CompleteAsync(view, pending.Request, terms, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class AcceptCounterOfferHandler(OfferedNegotiations offered, CounterOfferAcceptance acceptance) : ICommandHandler<AcceptCounterOffer, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(AcceptCounterOffer command, CancellationToken cancellationToken)
    {
        if (command.Terms is null)
        {
            return Error.Invalid("terms is required: the counterTerms of the OFFERED negotiation, exactly.");
        }
        var waiting = await offered.WaitingAsync(command.NegotiationId, cancellationToken).ConfigureAwait(false);
        if (!waiting.IsSuccess)
        {
            return waiting.Error;
        }
        var pending = waiting.Value;
        return !command.Terms.SameAs(pending.CounterTerms)
            ? Error.Conflict("terms must repeat the provider's counter-offer exactly (see counterTerms in the OFFERED negotiation).")
            : await acceptance.AcceptAsync(pending, pending.CounterTerms, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class CounterRequestHandler(OfferedNegotiations offered, ContractRequests requests, TimeProvider clock) : ICommandHandler<CounterRequest, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(CounterRequest command, CancellationToken cancellationToken)
    {
        if (command.Terms is null)
        {
            return Error.Invalid("terms is required: the terms this consumer asks for instead of the counter-offer.");
        }
        var waiting = await offered.WaitingAsync(command.NegotiationId, cancellationToken).ConfigureAwait(false);
        if (!waiting.IsSuccess)
        {
            return waiting.Error;
        }
        var pending = waiting.Value;
        var request = pending.Request with { Terms = command.Terms, SentAt = Timestamps.Now(clock) };
        return await requests.SendAsync(request, command.AcceptNarrowerTerms, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class DeclineCounterOfferHandler(BrokerClient broker, OfferedNegotiations offered, ParticipantKeys keys, TimeProvider clock) : ICommandHandler<DeclineCounterOffer, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(DeclineCounterOffer command, CancellationToken cancellationToken)
    {
        var waiting = await offered.WaitingAsync(command.NegotiationId, cancellationToken).ConfigureAwait(false);
        if (!waiting.IsSuccess)
        {
            return waiting.Error;
        }
        var pending = waiting.Value;
        string reason = string.IsNullOrWhiteSpace(command.Reason) ? "The consumer declined the provider's counter-offer." : command.Reason.Trim();
        var ended = new NegotiationTerminated(pending.NegotiationId, pending.Request.OfferId, pending.Provider, keys.ParticipantId, keys.ParticipantId, [reason], Timestamps.Now(clock));
        var view = await broker.TerminateNegotiationAsync(pending.NegotiationId, LedgerEntry.FromRecord(NegotiationTerminated.EntryType, ended, [keys.Signer]), cancellationToken).ConfigureAwait(false);
        if (view.IsSuccess)
        {
            offered.Forget(pending.NegotiationId);
        }
        return view;
    }
}
