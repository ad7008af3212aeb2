using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Demo;

/// <summary>The demo is driven by scenario.json: when the space does not do what it states, the demo fails and says where.</summary>
[Collection(DemoCollection.Name)]
public sealed class WrongExpectationTests : IDisposable
{
    private readonly SampleScenario _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task Demo_ScenarioExpectsWhatThePolicyDenies_ExitsOneNamingEachMismatch()
    {
        // Only the negotiations and the audit: enough to be wrong twice.
        var negotiate = _samples.Step("They negotiate");
        var audit = _samples.Step("An auditor");
        _samples.Steps.Clear();
        _samples.Steps.Add(negotiate.DeepClone());
        _samples.Steps.Add(audit.DeepClone());
        var exported = _samples.Action("analytics", "negotiate", "process-params");
        exported["expect"] = "allow";
        exported.Remove("because");
        _samples.Action("analytics", "negotiate", "coil-deliveries")["because"] = "R4 export";

        var run = await CliRun.RunAsync("demo", "--scenario", _samples.Save(), "--policies", SampleScenario.Policies);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Matches(@"FAILED: 2 of \d+ expected outcomes did not happen", run.Out);
        Assert.Matches(@"DENY +analytics \(88\.276\.7201\): negotiate process-params .*\n +TERMINATED: R4 export.*\n +MISMATCH: expected allow, not deny", run.Out);
        Assert.Matches(@"DENY +analytics \(88\.276\.7201\): negotiate coil-deliveries .*\n +TERMINATED: R5 .*\n +MISMATCH: deny as expected, but the reason does not mention ""R4 export""", run.Out);
        Assert.Contains("  - step 3, row 6, analytics (88.276.7201): negotiate process-params", run.Out, StringComparison.Ordinal);
        Assert.Contains("  - step 3, row 7, analytics (88.276.7201): negotiate coil-deliveries", run.Out, StringComparison.Ordinal);
        // The rest of the story still ran and its outcomes were as stated.
        Assert.Matches(@"ALLOW +auditor: dataspace audit .*\n +verified:", run.Out);
    }

    [Fact]
    public async Task Demo_ScenarioWithProblems_IsAnInputErrorListingEveryProblemBeforeAnythingStarts()
    {
        var negotiate = _samples.Action("parts", "negotiate", "process-params");
        negotiate["offer"] = "no-such-offer";
        negotiate["terms"]!["validUntil"] = "next week";
        negotiate["counterOffer"] = "haggle";
        _samples.Action("analytics", "browse", "production-stats")["expect"] = "maybe";
        _samples.Step("An auditor")["actions"] = new JsonArray();

        var run = await CliRun.RunAsync("demo", "--scenario", _samples.Save(), "--policies", SampleScenario.Policies);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains(".offer: \"no-such-offer\" is not an offer defined before this point.", run.Error, StringComparison.Ordinal);
        Assert.Contains(".terms.validUntil must be a time", run.Error, StringComparison.Ordinal);
        Assert.Contains(".counterOffer is \"haggle\"; use \"accept\" or \"decline\".", run.Error, StringComparison.Ordinal);
        Assert.Contains(".expect is \"maybe\"; use \"allow\" or \"deny\".", run.Error, StringComparison.Ordinal);
        Assert.Contains("no \"audit\" action", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_KeepIntoADirectoryThatIsNotEmpty_IsAnOutputErrorAndTouchesNothing()
    {
        var occupied = Path.Combine(_samples.Directory, "assets");

        var run = await CliRun.RunAsync("demo", "--keep", occupied, "--scenario", _samples.ScenarioFile, "--policies", SampleScenario.Policies);

        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Contains("is not an empty directory", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(occupied).Length);
    }
}
