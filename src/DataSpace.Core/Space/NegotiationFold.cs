using DataSpace.Core.Json;
using DataSpace.Core.Labels;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>
/// The end of a negotiation. An agreement is FINALIZED only when signed by provider, consumer and
/// operator, for a live offer of that provider, within the offer's terms, never as a raw copy of
/// core data, and on two allowing decisions (broker's and provider's) the ledger can re-evaluate.
/// A termination is signed by whoever ended it. Either ends the negotiation for good.
/// </summary>
internal sealed class NegotiationFold : IEntryFold
{
    public IReadOnlyCollection<string> Types { get; } = [Agreement.EntryType, NegotiationTerminated.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state) =>
        entry.Type == Agreement.EntryType ? Finalize(entry, state) : Terminate(entry, state);

    private static Result<Action> Finalize(SpaceEvent entry, SpaceState state)
    {
        var read = entry.ReadBody<Agreement>("the agreement");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var agreement = read.Value;
        var problem = FoldChecks.Signed(entry, agreement.Provider, "provider")
            ?? FoldChecks.Signed(entry, agreement.Consumer, "consumer")
            ?? FoldChecks.Signed(entry, state.OperatorId, "operator")
            ?? (agreement.Provider == agreement.Consumer ? Error.Invalid("a provider cannot contract with itself") : null)
            ?? FoldChecks.Active(state, agreement.Provider, "provider")
            ?? FoldChecks.Active(state, agreement.Consumer, "consumer")
            ?? Identity(agreement, state)
            ?? WithinOffer(agreement, state)
            ?? Decisions(agreement, state);
        // The state keeps the agreement without its decision records: they are checked here, once,
        // and stay in the ledger entry; every finalized agreement is held for as long as the service runs.
        return problem is null ? Result<Action>.Success(() => state.Put(new AgreementRecord(agreement with { Decisions = [] }, entry.Index))) : problem;
    }

    private static Error? Identity(Agreement agreement, SpaceState state)
    {
        if (agreement.AgreementId != NegotiationIds.Agreement(agreement.NegotiationId))
        {
            return Error.Invalid($"agreement id {agreement.AgreementId} does not belong to negotiation {agreement.NegotiationId}");
        }
        if (state.FindAgreement(agreement.AgreementId) is { } existing)
        {
            return Error.Conflict($"agreement {agreement.AgreementId} is already finalized at index {existing.Index}");
        }
        return state.FindTermination(agreement.NegotiationId) is { } ended
            ? Error.Conflict($"negotiation {agreement.NegotiationId} was terminated at index {ended.Index}")
            : null;
    }

    private static Error? WithinOffer(Agreement agreement, SpaceState state)
    {
        if (state.FindOffer(agreement.OfferId) is not { } record || record.Withdrawn)
        {
            return Error.NotFound($"offer {agreement.OfferId} is not in the catalog");
        }
        var offer = record.Offer;
        var terms = agreement.Terms;
        if (offer.Provider != agreement.Provider || offer.AssetId != agreement.AssetId)
        {
            return Error.Invalid($"offer {offer.Id} is {offer.Provider}'s offer of {offer.AssetId}, not this agreement's");
        }
        if (!offer.Terms.Delivery.Contains(terms.Delivery) || terms.Purposes.Any(p => !offer.Terms.Purposes.Contains(p)))
        {
            return Error.Forbidden("the agreement grants a delivery or purpose the offer does not");
        }
        if (terms.ValidFrom < offer.Terms.ValidFrom || terms.ValidUntil > offer.Terms.ValidUntil || terms.ValidUntil <= terms.ValidFrom)
        {
            return Error.Forbidden("the agreement's validity is not inside the offer's");
        }
        if (offer.Terms.MaxUses is { } max && (terms.MaxUses is not { } uses || uses > max))
        {
            return Error.Forbidden($"the agreement must limit uses to at most the offer's {max}");
        }
        return LabelGrade.Effective(agreement.Label) == "core" && terms.Delivery == "copy"
            ? Error.Forbidden("core data is never released as a raw copy (DSL Art. 21)")
            : null;
    }

    private static Error? Decisions(Agreement agreement, SpaceState state)
    {
        if (agreement.Decisions.Count < 2)
        {
            return Error.Invalid("an agreement carries the broker's and the provider's negotiation decisions");
        }
        return agreement.Decisions.Select((d, i) => FoldChecks.Allowed(state, d, $"negotiation (#{i + 1})")).FirstOrDefault(e => e is not null);
    }

    private static Result<Action> Terminate(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<NegotiationTerminated>(entry.Body, "the termination");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var ended = read.Value;
        var problem = (ended.By != ended.Provider && ended.By != ended.Consumer && ended.By != state.OperatorId
                ? Error.Forbidden($"{ended.By} is neither party nor the operator of negotiation {ended.NegotiationId}")
                : null)
            ?? FoldChecks.Signed(entry, ended.By, "terminating party")
            ?? (ended.Reasons.Count == 0 ? Error.Invalid("a termination states its reasons") : null)
            ?? (state.FindTermination(ended.NegotiationId) is { } earlier ? Error.Conflict($"negotiation {ended.NegotiationId} already ended at index {earlier.Index}") : null)
            ?? (state.FindAgreement(NegotiationIds.Agreement(ended.NegotiationId)) is { } agreed ? Error.Conflict($"negotiation {ended.NegotiationId} is finalized (index {agreed.Index})") : null);
        return problem is null ? Result<Action>.Success(() => state.PutTermination(ended, entry.Index)) : problem;
    }
}
