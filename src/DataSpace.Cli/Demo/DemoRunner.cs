using System.Diagnostics;
using DataSpace.Cli.Demo.Actions;
using DataSpace.Cli.Demo.Output;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Demo.Space;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo;

/// <summary>
/// Runs the story of a scenario:
/// <list type="number">
/// <item>read scenario.json and its sample files (every problem at once, before anything starts);</item>
/// <item>set up the workspace (temporary, or <c>--keep DIR</c>);</item>
/// <item>setup steps: the operator starts the broker and onboards each participant (keys, connector,
/// registration); the providers register their assets and publish their offers — if any of these
/// fails, the story stops there;</item>
/// <item>the scenario's steps, each action's outcome checked against what scenario.json states
/// (the audit stops the space and verifies its ledger);</item>
/// <item>stop everything and give the verdict: exit 0 only when every outcome was the expected one.</item>
/// </list>
/// </summary>
internal static class DemoRunner
{
    public static async Task<int> RunAsync(CliConsole console, DemoOptions options, CancellationToken cancellationToken)
    {
        // Step 1
        var scenario = ScenarioLoader.Load(options.Scenario);

        // Step 2
        var watch = Stopwatch.StartNew();
        using var workspace = DemoWorkspace.Create(options.Keep);
        var log = new ServiceLog(workspace.ServiceLog);
        ISpaceLauncher launcher = options.Processes ? new ProcessLauncher(log, DataspaceProgram.Current) : new InProcessLauncher(log);
        var story = new Story(scenario, workspace, options.Storage, options.Policies, log, launcher);
        IStoryWriter writer = console.IsInteractive ? new LiveStoryWriter(console) : new PlainStoryWriter(console);
        writer.Begin(scenario.Title,
        [
            ("scenario", scenario.Path),
            ("storage", options.Storage.Describe(workspace)),
            ("services", launcher.Description),
            ("workspace", workspace.Kept ? $"{workspace.Root} (kept)" : $"{workspace.Root} (deleted at the end; --keep DIR keeps it)"),
        ]);

        // Steps 3 and 4
        var mismatches = new List<Mismatch>();
        var checkedOutcomes = 0;
        var aborted = false;
        try
        {
            var steps = Setup(scenario).Concat(scenario.Steps).ToList();
            for (var s = 0; s < steps.Count && !aborted; s++)
            {
                var step = steps[s];
                var rows = await writer.RunStepAsync(s + 1, step.Title, step.Actions.Count, step.Actions.Select(a => Pending(story, a, cancellationToken)), row => step.Essential && row.Mismatch is not null);
                checkedOutcomes += rows.Count;
                mismatches.AddRange(rows.Select((row, i) => (row, i)).Where(r => r.row.Mismatch is not null).Select(r => new Mismatch($"step {s + 1}, row {r.i + 1}", r.row)));
                aborted = step.Essential && rows.Any(r => r.Mismatch is not null);
            }
        }
        finally
        {
            // Step 5
            await story.DisposeAsync();
        }
        var result = new StoryResult(checkedOutcomes, mismatches, aborted, watch.Elapsed, Epilogue(story, mismatches.Count > 0 || aborted));
        writer.End(result);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.VerificationFailed;
    }

    /// <summary>The steps every story starts with: the space comes up, and the offers are published.</summary>
    internal static IEnumerable<ScenarioStep> Setup(Scenario scenario)
    {
        yield return new ScenarioStep(
            "The operator starts the broker and onboards the participants",
            [new StartBrokerAction(), .. scenario.Participants.Select(p => new OnboardAction(p.Alias))],
            Essential: true);
        yield return new ScenarioStep(
            "The providers register their assets and publish offers",
            [.. scenario.Assets.Select(a => new RegisterAssetAction(a)), .. scenario.Offers.Select(o => new PublishOfferAction(o))],
            Essential: true);
    }

    /// <summary>A row for the writer: described when it starts, run, and checked against scenario.json.</summary>
    internal static PendingRow Pending(Story story, DemoAction action, CancellationToken cancellationToken)
    {
        var who = action.Actor(story);
        var what = action.Describe(story);
        return new PendingRow(who, what, async () =>
        {
            Outcome outcome;
            try
            {
                outcome = await action.RunAsync(story, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not CliException)
            {
                outcome = Outcome.Error($"{e.GetType().Name}: {e.Message}");
            }
            return new StepRow(who, what, outcome, action.Expected.Mismatch(outcome));
        });
    }

    /// <summary>How to go on with a kept workspace; the services' last warnings when something went wrong.</summary>
    private static IReadOnlyList<string> Epilogue(Story story, bool failed)
    {
        var lines = new List<string>();
        var root = story.Workspace.Root;
        if (story.Workspace.Kept)
        {
            lines.Add("");
            lines.Add($"The workspace is kept in {root}; the services are stopped. To go on (dataspace = dotnet run --project src/DataSpace.Cli --):");
            lines.Add($"  dataspace audit {Path.Combine(root, "ledger")}");
            if (Directory.Exists(Path.Combine(root, "ledger-tampered")))
            {
                lines.Add($"  dataspace audit {Path.Combine(root, "ledger-tampered")}");
            }
            lines.Add($"  dataspace broker --config {story.Workspace.BrokerConfig}");
            foreach (var participant in story.Scenario.Participants)
            {
                lines.Add($"  dataspace connector --config {Path.Combine(story.Workspace.Participant(participant.Id), "connector.json")}");
            }
            if (story.Transfers.Values.FirstOrDefault() is { } received && story.Space is { } space)
            {
                var party = story.Scenario.Participants.First(p => p.Id == received.Consumer);
                lines.Add($"  curl -H \"Authorization: Bearer $(cat {Path.Combine(story.Workspace.Participant(party.Id), "api.token")})\" {space.Party(party.Alias).Connector.Url}received");
            }
        }
        if (failed)
        {
            var recent = story.Log.Recent;
            lines.Add("");
            lines.Add(recent.Count == 0
                ? "The services logged no warnings."
                : $"The services' last warnings ({(story.Workspace.Kept ? story.Log.Path : "the workspace is deleted; --keep DIR keeps services.log")}):");
            lines.AddRange(recent.Select(l => "  " + l));
        }
        return lines;
    }
}
