using System.Globalization;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Output;

/// <summary>The words both writers use: a decision's label, and the verdict line.</summary>
internal static class Verdict
{
    public static string Label(Outcome outcome) => outcome.Decision switch
    {
        Decision.Allow => "ALLOW",
        Decision.Deny => "DENY",
        _ => "ERROR",
    };

    public static string Line(StoryResult result)
    {
        var time = result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        if (result.Succeeded)
        {
            return $"PASSED: all {result.Expectations} expected outcomes happened, and the untampered ledger verifies ({time} s).";
        }
        var stop = result.Aborted ? "; the story stopped, since nothing after a failed setup step can run" : "";
        return $"FAILED: {result.Mismatches.Count} of {result.Expectations} expected outcomes did not happen{stop} ({time} s):";
    }
}
