using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
using static DataSpace.Core.Negotiation.NegotiationMessage;
using static DataSpace.Core.Negotiation.NegotiationState;
using static DataSpace.Core.StateMachines.ProtocolRole;

namespace DataSpace.Core.Tests.Negotiation;

public sealed class NegotiationStateMachineTests
{
    private static readonly TransitionTable<NegotiationState, NegotiationMessage> Table = NegotiationStateMachine.Table;

    private static NegotiationState Run(params (NegotiationMessage Message, ProtocolRole Sender)[] steps)
    {
        var state = Table.Start(steps[0].Message, steps[0].Sender).Value;
        foreach (var (message, sender) in steps.Skip(1))
        {
            state = Table.Apply(state, message, sender).Value;
        }
        return state;
    }

    [Fact]
    public void HappyPath_RequestToFinalized()
    {
        Assert.Equal(Finalized, Run(
            (NegotiationMessage.ContractRequest, Consumer), (ContractAgreement, Provider), (AgreementVerification, Consumer), (NegotiationMessage.Finalize, Provider)));
    }

    [Fact]
    public void CounterOffers_ThenAccept_ReachAgreed()
    {
        Assert.Equal(Agreed, Run(
            (NegotiationMessage.ContractRequest, Consumer), (ContractOffer, Provider), (NegotiationMessage.ContractRequest, Consumer), (ContractOffer, Provider),
            (Accept, Consumer), (ContractAgreement, Provider)));
    }

    [Fact]
    public void ProviderInitiated_OfferThenAccept()
    {
        Assert.Equal(Accepted, Run((ContractOffer, Provider), (Accept, Consumer)));
    }

    [Theory]
    [InlineData(Requested, Accept)]
    [InlineData(Requested, AgreementVerification)]
    [InlineData(Offered, ContractAgreement)]
    [InlineData(Agreed, ContractAgreement)]
    [InlineData(Verified, AgreementVerification)]
    public void IllegalMove_IsAConflictNamingStateAndAllowedMoves(NegotiationState state, NegotiationMessage message)
    {
        var sender = Table.Transitions.FirstOrDefault(t => t.Message == message)?.Sender ?? Consumer;
        var result = Table.Apply(state, message, sender);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
        Assert.Contains(state.ToString().ToUpperInvariant(), result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed:", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Requested, ContractAgreement, Consumer)]
    [InlineData(Agreed, AgreementVerification, Provider)]
    [InlineData(Verified, NegotiationMessage.Finalize, Consumer)]
    [InlineData(Offered, Accept, Provider)]
    public void RightMoveWrongSender_IsForbidden(NegotiationState state, NegotiationMessage message, ProtocolRole sender)
    {
        var result = Table.Apply(state, message, sender);
        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Theory]
    [InlineData(Requested)]
    [InlineData(Offered)]
    [InlineData(Accepted)]
    [InlineData(Agreed)]
    [InlineData(Verified)]
    public void EitherParty_CanTerminateAnyOpenState(NegotiationState state)
    {
        Assert.Equal(Terminated, Table.Apply(state, Terminate, Consumer).Value);
        Assert.Equal(Terminated, Table.Apply(state, Terminate, Provider).Value);
    }

    [Theory]
    [InlineData(Finalized)]
    [InlineData(Terminated)]
    public void TerminalState_AcceptsNothing(NegotiationState state)
    {
        foreach (var message in Enum.GetValues<NegotiationMessage>())
        {
            foreach (var sender in Enum.GetValues<ProtocolRole>())
            {
                Assert.Equal(ErrorKind.Conflict, Table.Apply(state, message, sender).Error!.Kind);
            }
        }
        Assert.True(Table.IsTerminal(state));
    }

    [Fact]
    public void Start_OnlyRequestOrOffer()
    {
        Assert.Equal(ErrorKind.Conflict, Table.Start(Accept, Consumer).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, Table.Start(NegotiationMessage.ContractRequest, Provider).Error!.Kind);
    }

    [Fact]
    public void EveryNonTerminalState_IsReachableAndCanEnd()
    {
        var reachable = Table.Transitions.Select(t => t.To).ToHashSet();
        Assert.Equal(Enum.GetValues<NegotiationState>().ToHashSet(), reachable);
        foreach (var state in Enum.GetValues<NegotiationState>().Where(s => !Table.IsTerminal(s)))
        {
            Assert.Contains(Table.Transitions, t => Nullable.Equals(t.From, state) && t.To == Terminated);
        }
    }
}
