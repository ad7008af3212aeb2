namespace DataSpace.EndToEnd.Tests.Demo;

/// <summary>One row of the demo's plain output: the decision it printed, who did what, the reason, and its MISMATCH line if any.</summary>
internal sealed record DemoRow(int Step, int Row, string Label, string Who, string What, string Reason, string? Mismatch)
{
    public override string ToString() =>
        $"step {Step}, row {Row}: {Label} {Who}: {What}\n    {Reason}{(Mismatch is null ? "" : $"\n    MISMATCH: {Mismatch}")}";
}
