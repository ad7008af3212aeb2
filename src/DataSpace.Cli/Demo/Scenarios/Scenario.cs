namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>
/// The story the demo runs, read from <c>samples/scenario.json</c> (see samples/README.md): who takes
/// part, what the provider registers and offers, and the steps with the outcome each action must have.
/// </summary>
/// <param name="Path">The scenario file.</param>
/// <param name="Title">One line saying what the story is.</param>
/// <param name="Participants">By alias.</param>
/// <param name="Assets">In registration order.</param>
/// <param name="Offers">By alias, in publication order.</param>
/// <param name="Steps">The story's own steps, after the setup steps.</param>
internal sealed record Scenario(
    string Path,
    string Title,
    IReadOnlyList<ParticipantSample> Participants,
    IReadOnlyList<AssetSample> Assets,
    IReadOnlyList<OfferSample> Offers,
    IReadOnlyList<ScenarioStep> Steps)
{
    public ParticipantSample Participant(string alias) => Participants.First(p => p.Alias == alias);

    public OfferSample Offer(string alias) => Offers.First(o => o.Alias == alias);

    /// <summary>How many outcomes the scenario itself states (setup steps not counted).</summary>
    public int Expectations => Steps.Sum(s => s.Actions.Count);
}
