using System.Text.Json.Nodes;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>A participant of the scenario (<c>samples/participants/*.json</c>): its id and the attributes the operator vouches for.</summary>
/// <param name="Alias">Its short name in scenario.json.</param>
/// <param name="Id">Its participant id (an identifier prefix such as 88.608.3100).</param>
/// <param name="Attributes">Its registration attributes: name, country, sector, securityProfile, …</param>
internal sealed record ParticipantSample(string Alias, string Id, JsonObject Attributes)
{
    public string Name => Attributes["name"]?.GetValue<string>() ?? Id;

    public string Country => Attributes["country"]?.GetValue<string>() ?? "CN";
}
