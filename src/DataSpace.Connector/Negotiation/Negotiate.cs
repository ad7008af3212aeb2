using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Core;
using DataSpace.Core.Api;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Mediation;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Negotiation;

/// <summary>
/// The consumer negotiates a contract for an offer, start to end: it signs the request, and when
/// the provider agrees it checks the agreement grants exactly what it asked, countersigns it, and
/// returns once the broker recorded it FINALIZED (or with the reasons it was terminated).
/// </summary>
/// <param name="RequestId">The consumer's request id; repeat it to retry without a second negotiation.</param>
/// <param name="OfferId">The offer.</param>
/// <param name="Purpose">The declared purpose.</param>
/// <param name="Destination">Where the data will go (ISO 3166-1 alpha-2).</param>
/// <param name="Delivery">copy or compute.</param>
/// <param name="Terms">The terms asked for.</param>
public sealed record Negotiate(string RequestId, string OfferId, string Purpose, string Destination, string Delivery, RequestedTerms Terms) : ICommand<Result<NegotiationView>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() => string.IsNullOrWhiteSpace(OfferId) ? Error.Invalid("offerId is required.") : null;
}

internal sealed class NegotiateHandler(BrokerClient broker, AgreementStore agreements, ParticipantKeys keys, TimeProvider clock) : ICommandHandler<Negotiate, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(Negotiate command, CancellationToken cancellationToken)
    {
        var request = new ContractRequest(command.RequestId, command.OfferId, keys.ParticipantId, command.Purpose, command.Destination, command.Delivery, command.Terms, Timestamps.Now(clock));
        if (request.Validate() is { } invalid)
        {
            return invalid;
        }
        var entry = LedgerEntry.FromRecord(ContractRequest.EntryType, request, [keys.Signer]);
        var view = await broker.RequestContractAsync(entry, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess || view.Value.State != "AGREED")
        {
            return await KeepIfFinalAsync(view, cancellationToken).ConfigureAwait(false);
        }
        var countersigned = await CountersignAsync(view.Value, request, cancellationToken).ConfigureAwait(false);
        if (!countersigned.IsSuccess)
        {
            return countersigned.Error;
        }
        var final = await broker.VerifyAgreementAsync(view.Value.NegotiationId, countersigned.Value, cancellationToken).ConfigureAwait(false);
        return await KeepIfFinalAsync(final, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The consumer signs only what it asked for, agreed by the provider's registered key.</summary>
    private async Task<Result<LedgerEntry>> CountersignAsync(NegotiationView view, ContractRequest request, CancellationToken cancellationToken)
    {
        if (!LedgerEntry.TryRead(view.Agreement ?? default, out var entry).IsAccepted || entry!.Type != Agreement.EntryType)
        {
            return Error.Unavailable("The broker returned an AGREED negotiation without an agreement entry.");
        }
        var agreement = DomainJson.Read<Agreement>(entry.Body, "the agreement");
        if (!agreement.IsSuccess)
        {
            return agreement.Error;
        }
        var a = agreement.Value;
        var asked = request.Terms;
        var same = a.Consumer == keys.ParticipantId && a.OfferId == request.OfferId && a.Purpose == request.Purpose && a.Destination == request.Destination
            && a.Terms.Delivery == request.Delivery && a.Terms.ValidFrom == asked.ValidFrom && a.Terms.ValidUntil == asked.ValidUntil
            && a.Terms.Purposes.SequenceEqual(asked.Purposes) && a.Terms.DeleteBy == asked.DeleteBy
            && (asked.MaxUses is null || a.Terms.MaxUses == asked.MaxUses);
        if (!same)
        {
            return Error.Conflict("The provider's agreement does not grant what this consumer asked for; it was not countersigned.");
        }
        var provider = await broker.GetParticipantAsync(a.Provider, cancellationToken).ConfigureAwait(false);
        if (!provider.IsSuccess || !Ed25519PublicKey.TryParse(provider.Value.VerifierKey, out var key, out _) || !entry.IsSignedBy(key!))
        {
            return Error.Forbidden($"The agreement is not signed by {a.Provider}'s registered key; it was not countersigned.");
        }
        return entry.Countersign(keys.Signer);
    }

    private async Task<Result<NegotiationView>> KeepIfFinalAsync(Result<NegotiationView> view, CancellationToken cancellationToken)
    {
        if (view.IsSuccess && view.Value is { State: "FINALIZED", Agreement: { } entry, LedgerIndex: { } index })
        {
            await agreements.SaveAsync(new StoredAgreement(NegotiationIds.Agreement(view.Value.NegotiationId), index, JsonObject.Create(entry)!), cancellationToken).ConfigureAwait(false);
        }
        return view;
    }
}
