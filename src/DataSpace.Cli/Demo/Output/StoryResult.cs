namespace DataSpace.Cli.Demo.Output;

/// <summary>How the story ended.</summary>
/// <param name="Expectations">Outcomes checked (the scenario's, and the setup's).</param>
/// <param name="Mismatches">Those that were not as expected.</param>
/// <param name="Aborted">True when a setup step failed and the story could not go on.</param>
/// <param name="Elapsed">Wall time of the whole demo.</param>
/// <param name="Epilogue">Lines after the verdict: how to go on with a kept workspace, or the services' last warnings.</param>
internal sealed record StoryResult(int Expectations, IReadOnlyList<Mismatch> Mismatches, bool Aborted, TimeSpan Elapsed, IReadOnlyList<string> Epilogue)
{
    public bool Succeeded => Mismatches.Count == 0 && !Aborted;
}
