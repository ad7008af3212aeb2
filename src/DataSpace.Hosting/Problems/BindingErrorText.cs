using System.Text.RegularExpressions;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// Minimal APIs explain a parameter they could not bind to the endpoint's developer, in C# terms
/// (<c>Failed to bind parameter "Nullable&lt;ulong&gt; start" from "abc".</c>, or a missing body as
/// "Implicit body inferred for parameter … Did you mean to use a Service instead?"); the client needs
/// to hear which parameter, what it sent and what the parameter takes.
/// </summary>
internal static partial class BindingErrorText
{
    public static string Describe(string message)
    {
        if (message.StartsWith("Implicit body inferred for parameter", StringComparison.Ordinal)
            || (message.StartsWith("Required parameter", StringComparison.Ordinal) && message.EndsWith("from body.", StringComparison.Ordinal)))
        {
            return "The request body is missing: a JSON document is required.";
        }
        if (Unbound().Match(message) is { Success: true } unbound)
        {
            return $"The parameter '{unbound.Groups["name"].Value}' cannot be \"{unbound.Groups["value"].Value}\": it takes {Takes(unbound.Groups["type"].Value)}.";
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            var where = missing.Groups["source"].Value switch
            {
                "query string" => "query ",
                "header" => "header ",
                "route" => "path ",
                _ => string.Empty,
            };
            return $"The {where}parameter '{missing.Groups["name"].Value}' is required.";
        }
        return message;
    }

    /// <summary>What values a parameter of this C# type takes, in a client's words.</summary>
    private static string Takes(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type) switch
    {
        "byte" or "ushort" or "uint" or "ulong" or "UInt16" or "UInt32" or "UInt64" => "a whole number, 0 or more",
        "sbyte" or "short" or "int" or "long" or "Int16" or "Int32" or "Int64" => "a whole number",
        "float" or "double" or "decimal" or "Single" or "Double" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "a GUID",
        "DateTime" or "DateTimeOffset" => "a date and time such as 2026-11-28T10:00:00Z",
        _ => "a value of another form",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex Unbound();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^" ]+)" was not provided from (?<source>[^.]+)\.$""")]
    private static partial Regex Missing();
}
