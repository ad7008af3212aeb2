using DataSpace.Cli.Demo.Output;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Demo;

/// <summary>The terminal writer: one table per step with who, what, decision and reason; an unexpected outcome marked with what was expected.</summary>
public sealed class LiveStoryWriterTests
{
    [Fact]
    public async Task RunStepAsync_OnATerminal_WritesTheStepsTableWithEachDecisionAndMismatch()
    {
        var output = new StringWriter();
        var progress = new StringWriter();
        var writer = new LiveStoryWriter(new CliConsole(output, progress, IsInteractive: true));
        PendingRow Row(string who, string what, Outcome outcome, string? mismatch) =>
            new(who, what, () => Task.FromResult(new StepRow(who, what, outcome, mismatch)));

        writer.Begin("a test story", [("scenario", "scenario.json")]);
        var rows = await writer.RunStepAsync(3, "They negotiate", 2,
        [
            Row("parts", "negotiate offer-a", Outcome.Allow("FINALIZED at 9"), null),
            Row("analytics", "negotiate offer-b", Outcome.Deny("TERMINATED: R4 export"), "expected allow, not deny"),
        ], _ => false);
        writer.End(new StoryResult(2, [new Mismatch("step 3, row 2", rows[1])], Aborted: false, TimeSpan.FromSeconds(1.5), []));

        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;]*m", "");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Step 3 · They negotiate", text, StringComparison.Ordinal);
        Assert.Contains("✓ ALLOW", text, StringComparison.Ordinal);
        Assert.Contains("✗ DENY", text, StringComparison.Ordinal);
        Assert.Contains("R4 export", text, StringComparison.Ordinal);
        Assert.Contains("expected allow, not deny", text, StringComparison.Ordinal);
        Assert.Contains("FAILED: 1 of 2 expected outcomes did not happen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunStepAsync_StopSaysTheStoryEnds_RunsNoFurtherRow()
    {
        var writer = new LiveStoryWriter(new CliConsole(new StringWriter(), new StringWriter(), IsInteractive: true));
        var ran = 0;
        PendingRow Row(Outcome outcome) => new("operator", "start", () =>
        {
            ran++;
            return Task.FromResult(new StepRow("operator", "start", outcome, outcome.Decision == Decision.Allow ? null : "expected allow, not an error"));
        });

        var rows = await writer.RunStepAsync(1, "Setup", 3, [Row(Outcome.Allow("ok")), Row(Outcome.Error("broken")), Row(Outcome.Allow("ok"))], row => row.Mismatch is not null);

        Assert.Equal(2, ran);
        Assert.Equal(2, rows.Count);
    }
}
