using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataSpace.Core.Json;

/// <summary>
/// What a <see cref="JsonException"/> means, in a sentence for whoever sent the JSON: the reader's
/// or serializer's message without its position suffix, its advice to developers ("Change the
/// reader options") or .NET type names; and whether the text was JSON of the wrong shape (a member
/// missing, unknown, null or of the wrong type) rather than malformed. Request bodies and domain
/// records both explain their failures with it.
/// </summary>
public static partial class JsonFailure
{
    /// <summary>The sentence, and whether it is about the shape rather than the syntax.</summary>
    public static (string Text, bool Shape) Explain(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception.Message;
        // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 7."; callers say it better.
        var suffix = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix < 0)
        {
            suffix = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        return Rephrase((suffix >= 0 ? reason[..suffix] : reason).Trim());
    }

    /// <summary>
    /// The reader's or serializer's sentence, minus its advice to developers and .NET type names, plus
    /// a hint where one helps; and whether it is about the shape (members, types) rather than the syntax.
    /// </summary>
    private static (string Text, bool Shape) Rephrase(string reason)
    {
        if (reason.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            return ("The value has the wrong type for this member.", true);
        }
        if (MissingMembers().Match(reason) is { Success: true } missing)
        {
            return ($"Required members are missing: {missing.Groups["names"].Value}.", true);
        }
        if (UnknownMember().Match(reason) is { Success: true } unknown)
        {
            return ($"There is no member '{unknown.Groups["name"].Value}' here.", true);
        }
        if (NullMember().IsMatch(reason))
        {
            // The sentence names the .NET parameter; the path (at $.x) names the member.
            return ("This member must not be null.", true);
        }
        return (reason switch
        {
            _ when reason.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) => "There is no JSON value in it.",
            _ when reason.StartsWith("'/'", StringComparison.Ordinal) => reason + " Comments are not allowed in JSON.",
            _ => reason
                .Replace(" in this mode. Change the reader options.", ".", StringComparison.Ordinal)
                .Replace(" encountered during deserialization.", ".", StringComparison.Ordinal),
        }, false);
    }

    [GeneratedRegex(@"^JSON deserialization for type '[^']*' was missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"^The (?:constructor parameter|property or field) '[^']*' on type '[^']*' doesn't allow (?:setting )?null values")]
    private static partial Regex NullMember();
}
