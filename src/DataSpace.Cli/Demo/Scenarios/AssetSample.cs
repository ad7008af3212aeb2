using System.Text.Json.Nodes;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>An asset the scenario registers: a file of <c>samples/assets</c> with its label of <c>samples/labels</c>.</summary>
/// <param name="Owner">The alias of the provider that stores it.</param>
/// <param name="Suffix">The asset id's suffix (the provider's prefix comes first).</param>
/// <param name="File">The data file.</param>
/// <param name="Label">The classification label (docs/schemas/label.schema.json).</param>
internal sealed record AssetSample(string Owner, string Suffix, string File, JsonObject Label);
