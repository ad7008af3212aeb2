using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// One row of the story: somebody does something through the space's public APIs, and the space
/// decides. Each kind of action is one small class (browse, negotiate, transfer, use, …) that says
/// what it does in words and runs it; scenario.json names the kind with <c>"do"</c> and states the
/// expected outcome.
/// </summary>
/// <param name="who">The participant's alias, or null for the operator or the auditor.</param>
/// <param name="expected">The outcome scenario.json states.</param>
internal abstract class DemoAction(string? who, Expectation expected)
{
    /// <summary>The acting participant's alias, or null.</summary>
    public string? Who { get; } = who;

    public Expectation Expected { get; } = expected;

    /// <summary>Who acts, for the table: the alias and participant id, or a role.</summary>
    public virtual string Actor(Story story) => Who is { } alias ? $"{alias} ({story.Scenario.Participant(alias).Id})" : "operator";

    /// <summary>What it does, for the table, in words.</summary>
    public abstract string Describe(Story story);

    /// <summary>Runs it; a failure on the way is an <see cref="Decision.Error"/> outcome, never an exception the story stops on.</summary>
    public abstract Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken);
}
