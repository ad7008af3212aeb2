using System.Globalization;
using System.Text.Json;
using DataSpace.Core.Json;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// A client-facing sentence for a request body that could not be read — malformed, or valid JSON of
/// the wrong shape: where (line, byte, path) and what (<see cref="JsonFailure"/>).
/// </summary>
internal static class JsonErrorText
{
    /// <summary>True when the text was JSON of the wrong shape (a member missing, unknown, null or of the wrong type), not malformed.</summary>
    public static bool IsAboutShape(JsonException exception) => JsonFailure.Explain(exception).Shape;

    public static string Describe(JsonException exception)
    {
        var (text, shape) = JsonFailure.Explain(exception);

        var where = new List<string>(2);
        if (exception.LineNumber is { } line)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {exception.BytePositionInLine.GetValueOrDefault() + 1}"));
        }
        if (!string.IsNullOrEmpty(exception.Path) && exception.Path != "$")
        {
            where.Add($"at {exception.Path}");
        }
        // Valid JSON of the wrong shape is a different mistake from text that is not JSON at all.
        var lead = shape ? "The request body is JSON, but not what this endpoint takes" : "The request body is not valid JSON";
        return where.Count == 0 ? $"{lead}: {text}" : $"{lead} ({string.Join(", ", where)}): {text}";
    }
}
