namespace DataSpace.Cli.Demo.Output;

/// <summary>A row about to run: shown at once (who, what), finished by <see cref="RunAsync"/>.</summary>
internal sealed record PendingRow(string Who, string What, Func<Task<StepRow>> RunAsync);
