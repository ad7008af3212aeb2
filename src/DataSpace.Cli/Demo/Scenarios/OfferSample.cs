using System.Text.Json.Nodes;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>An offer the scenario publishes: the body of the provider connector's <c>POST /offers</c>, times relative (<see cref="RelativeTime"/>).</summary>
/// <param name="Alias">Its short name in scenario.json.</param>
/// <param name="Owner">The alias of the provider.</param>
/// <param name="Body">{assetId, offerId?, terms}.</param>
internal sealed record OfferSample(string Alias, string Owner, JsonObject Body)
{
    public string? OfferId => Body["offerId"]?.GetValue<string>();
}
