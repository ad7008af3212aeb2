using DataSpace.Cli.Demo.Actions;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>One step of the story: a title and the actions whose outcomes it shows in one table.</summary>
/// <param name="Title">What happens in this step.</param>
/// <param name="Actions">The actions, run in order.</param>
/// <param name="Essential">When an action of an essential step (start, onboarding, registration) fails, the story stops: nothing after it can run.</param>
internal sealed record ScenarioStep(string Title, IReadOnlyList<DemoAction> Actions, bool Essential = false);
