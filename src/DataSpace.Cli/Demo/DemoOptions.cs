using DataSpace.Cli.Demo.Space;

namespace DataSpace.Cli.Demo;

/// <summary>What <c>dataspace demo</c> runs, and where.</summary>
/// <param name="Scenario">The scenario file.</param>
/// <param name="Policies">The policy directory every service loads.</param>
/// <param name="Keep">The directory to keep the workspace in, or null for a temporary one.</param>
/// <param name="Storage">Files, or Azurite.</param>
/// <param name="Processes">Run each service as its own <c>dataspace broker|connector</c> process instead of in this one.</param>
internal sealed record DemoOptions(string Scenario, string Policies, string? Keep, StorageMode Storage, bool Processes = false);
