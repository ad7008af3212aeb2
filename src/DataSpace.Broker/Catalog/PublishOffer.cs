using System.Text.Json;
using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Catalog;
using DataSpace.Core.Results;
using DataSpace.Policy;
using Mediator;

namespace DataSpace.Broker.Catalog;

/// <summary>A provider publishes an offer: an <c>offer.published</c> entry it signed, which the broker checks and records.</summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="Entry">The signed entry.</param>
public sealed record PublishOffer(string Caller, JsonElement Entry) : ICommand<Result<OfferView>>;

internal sealed class PublishOfferHandler(BrokerLedger ledger) : ICommandHandler<PublishOffer, Result<OfferView>>
{
    public async ValueTask<Result<OfferView>> Handle(PublishOffer command, CancellationToken cancellationToken)
    {
        var read = SignedEntries.Read<Offer>(command.Entry, Offer.EntryType, "the offer");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var (entry, offer) = read.Value;
        if (offer.Provider != command.Caller)
        {
            return Error.Forbidden($"{command.Caller} cannot publish an offer of {offer.Provider}: a provider publishes only its own assets.");
        }
        if (offer.Validate() is { } invalid)
        {
            return invalid;
        }
        if (LabelValidator.Validate(offer.Label) is { IsValid: false } label)
        {
            return Error.Invalid($"The offer's classification label is not valid: {label}.");
        }
        var appended = await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        return appended.IsSuccess ? OfferView.Of(ledger.State.FindOffer(offer.Id)!) : appended.Error;
    }
}
