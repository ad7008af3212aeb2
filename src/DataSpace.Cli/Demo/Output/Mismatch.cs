namespace DataSpace.Cli.Demo.Output;

/// <summary>An outcome that was not the one scenario.json states.</summary>
/// <param name="Where">Step and row, e.g. "step 4, row 6".</param>
/// <param name="Row">The row.</param>
internal sealed record Mismatch(string Where, StepRow Row)
{
    public override string ToString() => $"{Where}, {Row.Who}: {Row.What}: {Row.Mismatch}. It said: {Row.Outcome.Reason}";
}
