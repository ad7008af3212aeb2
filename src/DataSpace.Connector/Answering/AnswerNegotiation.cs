using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Connector.Assets;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Core;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Policies;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Answering;

/// <summary>
/// The provider's side of a negotiation: a message the broker forwarded (signed by the broker).
/// The provider's own policy, over its own copy of the asset's label, is authoritative for its
/// data: it answers with an agreement it signs, a counter-offer of the narrower terms its policy
/// names (policies/README.md, R15), or a termination with its reasons; a verified agreement is finalized.
/// </summary>
/// <param name="Callback">The broker-signed callback.</param>
public sealed record AnswerNegotiation(JsonElement Callback) : ICommand<Result<byte[]>>;

internal sealed class AnswerNegotiationHandler(BrokerTrust trust, ConnectorStores stores, PolicyGate policy, BundleRecorder bundles, OwnAgreementSignatures signed, ParticipantKeys keys, TimeProvider clock)
    : ICommandHandler<AnswerNegotiation, Result<byte[]>>
{
    public async ValueTask<Result<byte[]>> Handle(AnswerNegotiation command, CancellationToken cancellationToken)
    {
        var callback = await ReadAsync(command.Callback, cancellationToken).ConfigureAwait(false);
        if (!callback.IsSuccess)
        {
            return callback.Error;
        }
        var c = callback.Value;
        return c.Message switch
        {
            NegotiationMessage.ContractRequest or NegotiationMessage.Accept => await DecideAsync(c, cancellationToken).ConfigureAwait(false),
            NegotiationMessage.AgreementVerification => Signed(Finalize(c)),
            NegotiationMessage.Terminate => Signed(new NegotiationAnswer(NegotiationMessage.Terminate, c.NegotiationId, c.Termination)),
            _ => Error.Invalid($"A provider does not answer {c.Message}."),
        };
    }

    /// <summary>An answer signed by this provider: one that carries no entry of its own making.</summary>
    private Result<byte[]> Signed(Result<NegotiationAnswer> answer) =>
        answer.IsSuccess ? SignedRecords.Write(answer.Value, keys.Signer) : answer.Error;

    /// <summary>
    /// An agreement or a termination this provider decided on and signed: the entry's signature proves
    /// the answer is this provider's (<see cref="NegotiationAnswer.IsProvedByEntry"/>), so the answer
    /// goes without a second one.
    /// </summary>
    private static byte[] ProvedByEntry(NegotiationAnswer answer) => DomainJson.ToCanonicalOrderUtf8(answer);

    private async Task<Result<NegotiationCallback>> ReadAsync(JsonElement signed, CancellationToken cancellationToken)
    {
        var key = await trust.KeyAsync(cancellationToken).ConfigureAwait(false);
        if (!key.IsSuccess)
        {
            return key.Error;
        }
        var read = SignedRecords.Read<NegotiationCallback>(signed, key.Value, "the negotiation callback",
            bad => Error.Forbidden($"The negotiation callback is not signed by the broker: {bad.Message}"));
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        return read.Value.Offer is { } offer && offer.Provider != keys.ParticipantId ? Error.Forbidden($"The offer is {offer.Provider}'s, not {keys.ParticipantId}'s.") : read;
    }

    private async Task<Result<byte[]>> DecideAsync(NegotiationCallback c, CancellationToken cancellationToken)
    {
        if (c is not { Request: { } requestJson, Offer: { } offer, Consumer: { } consumer, BrokerDecision: { } brokerDecision })
        {
            return Error.Invalid($"{c.Message} carries the consumer's request, the offer, the consumer's attributes and the broker's decision.");
        }
        if (await bundles.EnsureAsync(cancellationToken).ConfigureAwait(false) is { } unrecorded)
        {
            return unrecorded;
        }
        var requestVerdict = LedgerEntry.TryRead(requestJson, out var requestEntry);
        var request = requestVerdict.IsAccepted ? DomainJson.Read<ContractRequest>(requestEntry!.Body, "the contract request") : Error.Invalid(requestVerdict.Reason!);
        if (!request.IsSuccess)
        {
            return request.Error;
        }
        var terms = request.Value.Terms;
        if (c.Message == NegotiationMessage.Accept)
        {
            var accepted = LedgerEntry.TryRead(c.Accepted ?? default, out var acceptedEntry).IsAccepted ? DomainJson.Read<OfferAccepted>(acceptedEntry!.Body, "the acceptance") : Error.Invalid("Accept carries no acceptance entry.");
            if (!accepted.IsSuccess)
            {
                return accepted.Error;
            }
            terms = accepted.Value.Terms;
        }
        var effectiveRequest = request.Value with { Terms = terms };
        var reasons = await OwnLabelProblemAsync(offer, cancellationToken).ConfigureAwait(false) is { } labelProblem ? [labelProblem] : Array.Empty<string>();
        var now = Timestamps.Now(clock);
        var decision = await policy.DecideAsync(PolicyInputs.NegotiationPath, PolicyInputs.Negotiate(consumer, offer, effectiveRequest, now), cancellationToken).ConfigureAwait(false);
        if (reasons.Length == 0 && c.Message == NegotiationMessage.ContractRequest && CounterOffers.From(decision.Record) is { } counter)
        {
            return Signed(new NegotiationAnswer(NegotiationMessage.ContractOffer, c.NegotiationId, CounterTerms: counter));
        }
        if (decision.Allowed && !DecisionRecords.Allowed(brokerDecision))
        {
            reasons = [$"The broker's policy did not allow the terms requested: {string.Join("; ", DecisionRecords.Reasons(brokerDecision))}"];
        }
        if (!decision.Allowed || reasons.Length > 0)
        {
            var ended = new NegotiationTerminated(c.NegotiationId, offer.Id, keys.ParticipantId, request.Value.Consumer, keys.ParticipantId, [.. reasons, .. decision.Reasons], now, decision.Record);
            var termination = LedgerEntry.FromRecord(NegotiationTerminated.EntryType, ended, [keys.Signer]);
            return ProvedByEntry(new NegotiationAnswer(NegotiationMessage.Terminate, c.NegotiationId, termination.ToElement()));
        }
        var agreement = new Agreement(
            NegotiationIds.Agreement(c.NegotiationId), c.NegotiationId, offer.Id, offer.AssetId, keys.ParticipantId, request.Value.Consumer,
            JsonSerializer.SerializeToElement(offer.Label), Agreement.Grant(offer, effectiveRequest), request.Value.Purpose, request.Value.Destination,
            [brokerDecision, CanonicalValue.Of(decision.Record).Element], now); // canonical, so the entry's body is canonical as written
        var entry = LedgerEntry.FromRecord(Agreement.EntryType, agreement, [keys.Signer]);
        signed.Remember(entry, keys.Signer);
        return ProvedByEntry(new NegotiationAnswer(NegotiationMessage.ContractAgreement, c.NegotiationId, entry.ToElement()));
    }

    /// <summary>The provider decides on its own copy of the label: an offer whose label no longer matches the stored asset is refused.</summary>
    private async Task<string?> OwnLabelProblemAsync(Offer offer, CancellationToken cancellationToken)
    {
        if (await stores.Assets.GetInfoAsync(offer.AssetId, cancellationToken).ConfigureAwait(false) is not { } asset)
        {
            return $"The asset {offer.AssetId} is no longer stored at the provider.";
        }
        // Stored as canonical text (RegisterAsset), which the canonicaliser recognises without parsing it.
        var stored = CanonicalJson.Canonicalize(System.Text.Encoding.UTF8.GetBytes(asset.Metadata[AssetView.LabelMetadata]));
        return stored.AsSpan().SequenceEqual(CanonicalJson.Serialize(offer.Label))
            ? null
            : $"The asset's label changed since offer {offer.Id} was published; the provider must publish a new offer.";
    }

    private Result<NegotiationAnswer> Finalize(NegotiationCallback c)
    {
        if (!LedgerEntry.TryRead(c.Agreement ?? default, out var entry).IsAccepted || entry!.Type != Agreement.EntryType)
        {
            return Error.Invalid("AgreementVerification carries no agreement entry.");
        }
        // Signed by this provider, so made by DecideAsync above: naming this provider and this negotiation is all left to check.
        if (!Names(entry.Body, "provider", keys.ParticipantId) || !Names(entry.Body, "negotiationId", c.NegotiationId) || !signed.Recognises(entry, keys.Signer))
        {
            return Error.Forbidden("The verified agreement is not the one this provider signed for this negotiation.");
        }
        return new NegotiationAnswer(NegotiationMessage.Finalize, c.NegotiationId);
    }

    private static bool Names(JsonElement body, string property, string expected) =>
        body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);
}
