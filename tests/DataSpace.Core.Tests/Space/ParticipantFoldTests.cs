using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Core.Space;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class ParticipantFoldTests
{
    private readonly SpaceScenario _space = new SpaceScenario().WithParties();

    [Fact]
    public void Registration_AddsAnActiveParticipantWithItsAttributes()
    {
        var provider = _space.State.FindParticipant(Provider)!;

        Assert.Equal(ParticipantStatus.Active, provider.Status);
        Assert.Equal("CN", provider.Attributes["country"]!.GetValue<string>());
        Assert.Equal(1UL, provider.RegisteredAt);
    }

    [Fact]
    public void Registration_WithoutAttributes_Invalid()
    {
        var body = Registration("88.777.1");
        body.Remove("attributes");

        Assert.Equal(ErrorKind.Invalid, _space.Refuse(ParticipantFold.Registered, body, "88.777.1", Operator).Kind);
    }

    [Theory]
    [InlineData(ParticipantStatus.Suspended)]
    [InlineData(ParticipantStatus.Revoked)]
    public void StatusChange_SignedByOperator_ChangesStanding(ParticipantStatus status)
    {
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, status)), Operator);

        Assert.Equal(status, _space.State.FindParticipant(Consumer)!.Status);
    }

    [Fact]
    public void Suspension_ThenReinstatement_ActiveAgain()
    {
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Suspended)), Operator);
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Active)), Operator);

        Assert.True(_space.State.FindParticipant(Consumer)!.IsActive);
    }

    [Theory]
    [InlineData(Provider)]
    [InlineData(Consumer)]
    public void Suspension_ByNonOperator_Forbidden(string signer)
    {
        var error = _space.Refuse(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Suspended)), signer);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("operator", error.Message, StringComparison.Ordinal);
        Assert.True(_space.State.FindParticipant(Consumer)!.IsActive);
    }

    [Theory]
    [InlineData(ParticipantStatus.Active)]
    [InlineData(ParticipantStatus.Suspended)]
    [InlineData(ParticipantStatus.Revoked)]
    public void Revoked_IsFinal(ParticipantStatus next)
    {
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Revoked)), Operator);

        var error = _space.Refuse(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, next) with { Reason = "appeal" }), Operator);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("final", error.Message, StringComparison.Ordinal);
        Assert.Equal(ParticipantStatus.Revoked, _space.State.FindParticipant(Consumer)!.Status);
    }

    [Fact]
    public void StatusChange_OfTheOperatorItself_Forbidden() =>
        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Operator, ParticipantStatus.Suspended)), Operator).Kind);

    [Fact]
    public void StatusChange_OfUnknownParticipant_NotFound() =>
        Assert.Equal(ErrorKind.NotFound, _space.Refuse(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf("88.999.9", ParticipantStatus.Suspended)), Operator).Kind);
}
