using System.Text.Json.Nodes;
using DataSpace.Connector.Assets;
using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Core;
using DataSpace.Core.Api;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Connector.Offers;

/// <summary>
/// Offers one of this provider's assets in the catalog: the offer carries the asset's stored label
/// and the given terms, is signed by the provider and sent to the broker, which records it.
/// </summary>
/// <param name="AssetId">The asset (must be stored here).</param>
/// <param name="OfferId">The offer id; defaults to <c>{assetId}#offer-{n}</c>.</param>
/// <param name="Terms">The usage policy offered.</param>
public sealed record PublishOffer(string AssetId, string? OfferId, OfferTerms Terms) : ICommand<Result<OfferView>>;

internal sealed class PublishOfferHandler(ConnectorStores stores, ParticipantKeys keys, BrokerClient broker, TimeProvider clock) : ICommandHandler<PublishOffer, Result<OfferView>>
{
    public async ValueTask<Result<OfferView>> Handle(PublishOffer command, CancellationToken cancellationToken)
    {
        if (await stores.Assets.GetInfoAsync(command.AssetId, cancellationToken).ConfigureAwait(false) is not { } asset || !command.AssetId.StartsWith(keys.ParticipantId + "/", StringComparison.Ordinal))
        {
            return Error.NotFound($"Asset {command.AssetId} is not stored at this connector; upload it first (POST /assets).");
        }
        var label = JsonNode.Parse(asset.Metadata[AssetView.LabelMetadata])!.AsObject();
        var offer = new Offer(command.OfferId ?? $"{command.AssetId}#{Guid.CreateVersion7():N}", keys.ParticipantId, command.AssetId, label, command.Terms, Timestamps.Now(clock));
        if (offer.Validate() is { } invalid)
        {
            return invalid;
        }
        var entry = LedgerEntry.FromRecord(Offer.EntryType, offer, [keys.Signer]);
        return await broker.PublishOfferAsync(entry, cancellationToken).ConfigureAwait(false);
    }
}
