using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Output;

/// <summary>One finished row of a step's table.</summary>
/// <param name="Who">Who acted.</param>
/// <param name="What">What they did.</param>
/// <param name="Outcome">The decision and its reason.</param>
/// <param name="Mismatch">How the outcome differs from scenario.json, or null when it is the expected one.</param>
internal sealed record StepRow(string Who, string What, Outcome Outcome, string? Mismatch);
