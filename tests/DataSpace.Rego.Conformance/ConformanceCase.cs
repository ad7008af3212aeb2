using System.Text.Json.Nodes;

namespace DataSpace.Rego.Conformance;

/// <summary>One case of OPA's conformance suite (fields as in the suite's README).</summary>
internal sealed record ConformanceCase(
    string Id,
    string Directory,
    string Note,
    string Query,
    IReadOnlyList<string> Modules,
    JsonNode? Data,
    JsonNode? Input,
    string? InputTerm,
    JsonArray? WantResult,
    bool SortBindings,
    string? WantErrorCode,
    string? WantError,
    bool StrictError);
