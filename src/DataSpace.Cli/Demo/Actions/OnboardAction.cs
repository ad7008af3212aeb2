using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>A participant joins: keys generated, its connector started, its self-signed registration onboarded by the operator.</summary>
internal sealed class OnboardAction(string who) : DemoAction(who, Expectation.Allow)
{
    public override string Describe(Story story)
    {
        var p = story.Scenario.Participant(Who!);
        var a = p.Attributes;
        return $"{p.Name}: keys, connector, onboarding ({a["country"]}, sector {a["sector"]}, security profile {a["securityProfile"]})";
    }

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        var sample = story.Scenario.Participant(Who!);
        var view = await story.Running.OnboardAsync(sample, cancellationToken);
        var party = story.Running.Party(Who!);
        return Outcome.Allow($"participant.registered at ledger index {view["registeredAt"]}; key {party.Keys.Signer.PublicKey.KeyId}; connector {party.Connector.Url}");
    }
}
