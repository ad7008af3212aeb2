using System.Globalization;
using System.Text.Json;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// A client-facing sentence for malformed JSON: where (line, byte, path) and what, without the
/// reader's advice to developers ("Change the reader options") or .NET type names.
/// </summary>
internal static class JsonErrorText
{
    public static string Describe(JsonException exception)
    {
        var reason = exception.Message;
        // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 7."; we say it better below.
        var suffix = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix < 0)
        {
            suffix = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }
        reason = Rephrase(reason.Trim());

        var where = new List<string>(2);
        if (exception.LineNumber is { } line)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {exception.BytePositionInLine.GetValueOrDefault() + 1}"));
        }
        if (!string.IsNullOrEmpty(exception.Path) && exception.Path != "$")
        {
            where.Add($"at {exception.Path}");
        }
        return where.Count == 0
            ? $"The request body is not valid JSON: {reason}"
            : $"The request body is not valid JSON ({string.Join(", ", where)}): {reason}";
    }

    /// <summary>The reader's sentence, minus its advice to developers and .NET type names, plus a hint where one helps.</summary>
    private static string Rephrase(string reason) => reason switch
    {
        _ when reason.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal) =>
            "The value has the wrong type for this member.",
        _ when reason.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) =>
            "There is no JSON value in it.",
        _ when reason.StartsWith("'/'", StringComparison.Ordinal) =>
            reason + " Comments are not allowed in JSON.",
        _ => reason
            .Replace(" in this mode. Change the reader options.", ".", StringComparison.Ordinal)
            .Replace(" encountered during deserialization.", ".", StringComparison.Ordinal),
    };
}
