namespace DataSpace.Policy.Tests.Contract;

public sealed class EmbeddedPolicyEngineContractTests : PolicyEngineContract
{
    protected override Task<IPolicyEngine> StartAsync(PolicyBundle bundle) => Task.FromResult<IPolicyEngine>(EmbeddedPolicyEngine.Create(bundle));
}
