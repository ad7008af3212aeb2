using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Demo;

/// <summary>
/// The demo's story with every service a real process and Azurite as the storage: every outcome
/// samples/scenario.json states happens (one theory row each), each service ran as its own
/// <c>dataspace</c> process and none outlived the demo, and the ledger audits clean.
/// </summary>
public sealed class ProcessDemoTests(ProcessDemoRun run) : IClassFixture<ProcessDemoRun>
{
    /// <summary>The setup steps (start and onboard; register and publish) come before the scenario's own.</summary>
    private const int SetupSteps = 2;

    private static Scenario Sample => ScenarioLoader.Load(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "scenario.json"));

    /// <summary>One row per action of samples/scenario.json: its step and row in the demo's output, and what it must do.</summary>
    public static TheoryData<int, int, string> ScenarioOutcomes()
    {
        var data = new TheoryData<int, int, string>();
        var steps = Sample.Steps;
        for (var s = 0; s < steps.Count; s++)
        {
            for (var a = 0; a < steps[s].Actions.Count; a++)
            {
                var action = steps[s].Actions[a];
                var because = action.Expected.Because.Count > 0 ? $" because \"{string.Join("\", \"", action.Expected.Because)}\"" : "";
                data.Add(s + 1 + SetupSteps, a + 1, $"{action.Who ?? "auditor"} {action.GetType().Name.Replace("Action", "", StringComparison.Ordinal).ToLowerInvariant()}: {Expectation.Name(action.Expected.Decision)}{because}");
            }
        }
        return data;
    }

    [Fact]
    public void Demo_WithProcessesOnAzurite_ExitsZeroAndSaysHowItRan()
    {
        Assert.True(run.Demo.ExitCode == 0, run.Demo.ToString());
        Assert.Matches(@"(?m)^PASSED: all \d+ expected outcomes happened, and the untampered ledger verifies", run.Demo.Out);
        Assert.StartsWith("one process each: ", run.Transcript.Facts["services"], StringComparison.Ordinal);
        Assert.StartsWith("Azurite: ledger in container dsdemo-", run.Transcript.Facts["storage"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ScenarioOutcomes))]
    public void Demo_EveryOutcomeTheScenarioStates_Happened(int step, int row, string expected)
    {
        var action = Sample.Steps[step - SetupSteps - 1].Actions[row - 1];
        var printed = run.Transcript.Row(step, row);

        Assert.True(printed is not null, $"the demo printed no row {row} in step {step} ({expected}); it printed:\n{run.Demo.Out}");
        var outcome = new Outcome(printed.Label switch { "ALLOW" => Decision.Allow, "DENY" => Decision.Deny, _ => Decision.Error }, printed.Reason);
        Assert.True(action.Expected.Mismatch(outcome) is null, $"expected {expected}, but the demo printed:\n{printed}");
        Assert.Null(printed.Mismatch);
    }

    [Fact]
    public void Setup_EachServiceRanAsItsOwnDataspaceProcess()
    {
        var setup = run.Transcript.Rows.Where(r => r.Step <= SetupSteps).ToList();
        Assert.All(setup, r => Assert.True(r.Label == "ALLOW", r.ToString()));
        Assert.Equal(1 + Sample.Participants.Count + Sample.Assets.Count + Sample.Offers.Count, setup.Count);

        // Only `dataspace broker|connector` print a banner on stdout; in-process services print nothing there.
        var log = File.ReadAllText(Path.Combine(run.Workspace, "services.log"));
        Assert.Matches(@"broker stdout: broker 88\.100\.broker listening on http://127\.0\.0\.1:\d+", log);
        foreach (var participant in Sample.Participants)
        {
            Assert.True(log.Contains($"{participant.Alias} stdout: connector listening on http://127.0.0.1:", StringComparison.Ordinal), $"no connector process of {participant.Alias} in:\n{log}");
        }
    }

    [Fact]
    public void Demo_LeavesNoServiceProcessRunning()
    {
        Assert.True(run.LeftRunning.Count == 0, $"still running when the demo ended:\n{string.Join('\n', run.LeftRunning)}");
    }

    [Fact]
    public void Audit_OfTheLedgerTheDemoExportedFromAzurite_Verifies()
    {
        Assert.True(run.Audit.ExitCode == 0, run.Audit.ToString());
        Assert.Contains("verified: every entry, record, checkpoint, invariant and decision checks out.", run.Audit.Out, StringComparison.Ordinal);
    }
}
