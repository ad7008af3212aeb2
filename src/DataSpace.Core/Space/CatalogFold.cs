using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Labels;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>Offers: published by their provider, once, with a label that has a grade; withdrawn only by their provider.</summary>
internal sealed class CatalogFold : IEntryFold
{
    public IReadOnlyCollection<string> Types { get; } = [Offer.EntryType, OfferWithdrawn.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state) =>
        entry.Type == Offer.EntryType ? Publish(entry, state) : Withdraw(entry, state);

    private static Result<Action> Publish(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<Offer>(entry.Body, "the offer");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var offer = read.Value;
        var problem = offer.Validate()
            ?? FoldChecks.Signed(entry, offer.Provider, "provider")
            ?? FoldChecks.Active(state, offer.Provider, "provider")
            ?? (state.FindOffer(offer.Id) is { } existing ? Error.Conflict($"offer {offer.Id} was already published at index {existing.Index}") : null)
            ?? (LabelGrade.Effective(offer.Label) is null ? Error.Invalid("the offer's label has no valid category (general, important or core)") : null);
        return problem is null ? Result<Action>.Success(() => state.Put(new OfferRecord(offer, entry.Index))) : problem;
    }

    private static Result<Action> Withdraw(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<OfferWithdrawn>(entry.Body, "offer.withdrawn");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        if (state.FindOffer(read.Value.OfferId) is not { } record)
        {
            return Error.NotFound($"offer {read.Value.OfferId} was never published");
        }
        var problem = FoldChecks.Signed(entry, record.Offer.Provider, "provider")
            ?? (record.Withdrawn ? Error.Conflict($"offer {record.Offer.Id} is already withdrawn") : null);
        return problem is null ? Result<Action>.Success(() => state.Put(record with { Withdrawn = true })) : problem;
    }
}
