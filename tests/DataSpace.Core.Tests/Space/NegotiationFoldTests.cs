using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class NegotiationFoldTests
{
    private readonly SpaceScenario _space = new();

    [Fact]
    public void Agreement_SignedByProviderConsumerAndOperator_Finalized()
    {
        _space.WithAgreement();

        var record = _space.State.FindAgreement(AgreementId)!;
        Assert.Equal(Consumer, record.Agreement.Consumer);
        Assert.Equal(0, record.Uses);
        Assert.Equal(3, record.UsesLeft);
    }

    [Fact]
    public void Agreement_Finalized_StateKeepsTermsAndLabelButNotTheDecisions()
    {
        _space.WithAgreement();

        var kept = _space.State.FindAgreement(AgreementId)!.Agreement;
        Assert.Empty(kept.Decisions);
        Assert.Equal("general", Labels.LabelGrade.Effective(kept.Label));
        Assert.Equal(DomainJson.ToNode(AgreementOf().Terms).ToJsonString(), DomainJson.ToNode(kept.Terms).ToJsonString());
    }

    [Theory]
    [InlineData(Provider, "provider")]
    [InlineData(Consumer, "consumer")]
    [InlineData(Operator, "operator")]
    public void Agreement_MissingOneSignature_Forbidden(string missing, string role)
    {
        _space.WithOffer();
        string[] signers = [.. new[] { Provider, Consumer, Operator }.Where(s => s != missing)];

        var error = _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf()), signers);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains($"not signed by the {role} {missing}", error.Message, StringComparison.Ordinal);
        Assert.Null(_space.State.FindAgreement(AgreementId));
    }

    [Fact]
    public void Agreement_DecisionNotAllowed_Forbidden()
    {
        _space.WithOffer();

        var error = _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf(decisions: [Decision(), Decision(allowed: false)])), Provider, Consumer, Operator);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("did not allow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_DecisionUnderUnrecordedBundle_Invalid()
    {
        _space.WithOffer();

        var error = _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf(decisions: [Decision(), Decision(digest: "sha256:ffff")])), Provider, Consumer, Operator);

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("no policy bundle recorded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_OnlyOneDecision_Invalid()
    {
        _space.WithOffer();

        Assert.Equal(ErrorKind.Invalid, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf(decisions: [Decision()])), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_CoreDataAsCopy_Forbidden()
    {
        _space.WithOffer(category: "core");

        var error = _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf(category: "core", delivery: "copy")), Provider, Consumer, Operator);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("core data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_CoreDataForCompute_Finalized()
    {
        _space.WithOffer(category: "core");

        _space.Accept(Agreement.EntryType, DomainJson.ToNode(AgreementOf(category: "core", delivery: "compute")), Provider, Consumer, Operator);
    }

    [Fact]
    public void Agreement_ValidityOutsideTheOffers_Forbidden()
    {
        _space.WithOffer();
        var late = AgreementOf() with { Terms = AgreementOf().Terms with { ValidUntil = ValidUntil.AddYears(2) } };

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(late), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_MoreUsesThanOffered_Forbidden()
    {
        _space.WithOffer(maxUses: 3);

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf(maxUses: 4)), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_ForWithdrawnOffer_NotFound()
    {
        _space.WithOffer();
        _space.Accept(OfferWithdrawn.EntryType, DomainJson.ToNode(new OfferWithdrawn(OfferId, During)), Provider);

        Assert.Equal(ErrorKind.NotFound, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf()), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_WithSuspendedConsumer_Forbidden()
    {
        _space.WithOffer();
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Suspended)), Operator);

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf()), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_Twice_Conflict()
    {
        _space.WithAgreement();

        var again = AgreementOf() with { AgreedAt = During };

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(Agreement.EntryType, DomainJson.ToNode(again), Provider, Consumer, Operator).Kind);
    }

    [Fact]
    public void Agreement_AfterTermination_Conflict()
    {
        _space.WithOffer();
        _space.Accept(NegotiationTerminated.EntryType, DomainJson.ToNode(Termination(Consumer)), Consumer);

        var error = _space.Refuse(Agreement.EntryType, DomainJson.ToNode(AgreementOf()), Provider, Consumer, Operator);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("terminated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider)]
    [InlineData(Consumer)]
    [InlineData(Operator)]
    public void Termination_ByPartyOrOperator_Recorded(string by)
    {
        _space.WithOffer();

        _space.Accept(NegotiationTerminated.EntryType, DomainJson.ToNode(Termination(by)), by);

        Assert.Equal(by, _space.State.FindTermination(NegotiationId)!.Value.Termination.By);
    }

    [Fact]
    public void Termination_ByStranger_Forbidden()
    {
        _space.WithOffer();

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(NegotiationTerminated.EntryType, DomainJson.ToNode(Termination(Stranger)), Stranger).Kind);
    }

    [Fact]
    public void Termination_SignedBySomeoneElse_Forbidden()
    {
        _space.WithOffer();

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(NegotiationTerminated.EntryType, DomainJson.ToNode(Termination(Consumer)), Provider).Kind);
    }

    [Fact]
    public void Termination_OfFinalizedNegotiation_Conflict()
    {
        _space.WithAgreement();

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(NegotiationTerminated.EntryType, DomainJson.ToNode(Termination(Consumer)), Consumer).Kind);
    }

    private static NegotiationTerminated Termination(string by) =>
        new(NegotiationId, OfferId, Provider, Consumer, by, ["R7 purpose: not granted"], During, by == Operator ? Decision(allowed: false) : null);
}
