using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Results;

namespace DataSpace.Core.Participants;

/// <summary>
/// What a registration's attributes must hold before the operator vouches for them: they become
/// token claims and policy subjects, so a wrong type would silently change a decision.
/// </summary>
public static class AttributeRules
{
    private static readonly string[] Kinds = ["enterprise", "foreign-judicial", "foreign-enforcement", "operator"];

    /// <summary>Null when the attributes are acceptable; otherwise the first problem, naming the attribute.</summary>
    public static Error? Validate(JsonObject attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var (name, value) in attributes)
        {
            var problem = name switch
            {
                ParticipantAttributes.Name => Text(value, 200) ? null : "a name of 1-200 characters",
                ParticipantAttributes.Country => Text(value, 2) && value!.GetValue<string>() is { Length: 2 } c && c.All(char.IsAsciiLetterUpper) ? null : "an ISO 3166-1 alpha-2 code such as CN",
                ParticipantAttributes.Sector => Text(value, 10) ? null : "a GB/T 4754 code such as C31",
                ParticipantAttributes.SecurityProfile => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var level) && level is >= 1 and <= 4 ? null : "an integer from 1 to 4",
                ParticipantAttributes.Kind => Text(value, 40) && Kinds.Contains(value!.GetValue<string>()) ? null : $"one of {string.Join(", ", Kinds)}",
                ParticipantAttributes.Clearance => Text(value, 40) ? null : "a clearance level name",
                ParticipantAttributes.SecurityAgreement => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "true or false",
                ParticipantAttributes.Certifications or ParticipantAttributes.Enforces => value is JsonArray items && items.All(i => Text(i, 100)) ? null : "an array of strings",
                ParticipantAttributes.Endpoint => Text(value, 500) && Uri.TryCreate(value!.GetValue<string>(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? null : "the connector's absolute http(s) base URL",
                _ => $"not a known attribute (known: {string.Join(", ", Known)})",
            };
            if (problem is not null)
            {
                return Error.Invalid($"attributes.{name} must be {problem}.");
            }
        }
        foreach (var required in new[] { ParticipantAttributes.Name, ParticipantAttributes.Country, ParticipantAttributes.Sector, ParticipantAttributes.SecurityProfile })
        {
            if (!attributes.ContainsKey(required))
            {
                return Error.Invalid($"attributes.{required} is required.");
            }
        }
        return null;
    }

    private static IEnumerable<string> Known =>
    [
        ParticipantAttributes.Name, ParticipantAttributes.Country, ParticipantAttributes.Sector, ParticipantAttributes.SecurityProfile,
        ParticipantAttributes.Certifications, ParticipantAttributes.Clearance, ParticipantAttributes.Kind, ParticipantAttributes.SecurityAgreement,
        ParticipantAttributes.Endpoint, ParticipantAttributes.Enforces,
    ];

    private static bool Text(JsonNode? value, int max) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s && s.Length <= max;
}
