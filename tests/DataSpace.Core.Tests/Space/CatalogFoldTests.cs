using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class CatalogFoldTests
{
    private readonly SpaceScenario _space = new SpaceScenario().WithParties();

    [Fact]
    public void Offer_SignedByItsProvider_Published()
    {
        _space.Accept(Offer.EntryType, DomainJson.ToNode(OfferOf()), Provider);

        var record = _space.State.FindOffer(OfferId)!;
        Assert.Equal(Provider, record.Offer.Provider);
        Assert.False(record.Withdrawn);
    }

    [Theory]
    [InlineData(Consumer)]
    [InlineData(Operator)]
    public void Offer_SignedByNonProvider_Forbidden(string signer)
    {
        var error = _space.Refuse(Offer.EntryType, DomainJson.ToNode(OfferOf()), signer);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains($"not signed by the provider {Provider}", error.Message, StringComparison.Ordinal);
        Assert.Null(_space.State.FindOffer(OfferId));
    }

    [Fact]
    public void Offer_BySuspendedProvider_Forbidden()
    {
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Provider, ParticipantStatus.Suspended)), Operator);

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(Offer.EntryType, DomainJson.ToNode(OfferOf()), Provider).Kind);
    }

    [Fact]
    public void Offer_Twice_Conflict()
    {
        _space.Accept(Offer.EntryType, DomainJson.ToNode(OfferOf()), Provider);

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(Offer.EntryType, DomainJson.ToNode(OfferOf() with { PublishedAt = During }), Provider).Kind);
    }

    [Fact]
    public void Offer_LabelWithoutGrade_Invalid() =>
        Assert.Equal(ErrorKind.Invalid, _space.Refuse(Offer.EntryType, DomainJson.ToNode(OfferOf(category: "secret")), Provider).Kind);

    [Fact]
    public void Offer_OfAnotherProvidersAsset_Invalid() =>
        Assert.Equal(ErrorKind.Invalid, _space.Refuse(Offer.EntryType, DomainJson.ToNode(OfferOf(provider: Stranger)), Stranger).Kind);

    [Fact]
    public void Withdrawal_ByProvider_MarksWithdrawn()
    {
        _space.Accept(Offer.EntryType, DomainJson.ToNode(OfferOf()), Provider);

        _space.Accept(OfferWithdrawn.EntryType, DomainJson.ToNode(new OfferWithdrawn(OfferId, During)), Provider);

        Assert.True(_space.State.FindOffer(OfferId)!.Withdrawn);
    }

    [Fact]
    public void Withdrawal_ByAnotherSigner_Forbidden()
    {
        _space.Accept(Offer.EntryType, DomainJson.ToNode(OfferOf()), Provider);

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(OfferWithdrawn.EntryType, DomainJson.ToNode(new OfferWithdrawn(OfferId, During)), Consumer).Kind);
    }
}
