using System.Text.RegularExpressions;

namespace DataSpace.Crypto.Keys;

/// <summary>
/// Participant ids are industrial-internet identifier prefixes in Handle syntax (e.g.
/// <c>88.608.8889</c>): dot-separated segments of letters, digits and hyphens, starting with a
/// digit segment. Asset ids add <c>/suffix</c>, which is not allowed in a participant id.
/// </summary>
public static partial class ParticipantIdSyntax
{
    /// <summary>True when <paramref name="id"/> is a valid participant id; otherwise says why.</summary>
    public static bool IsValid(string? id, out string? error)
    {
        if (string.IsNullOrEmpty(id))
        {
            error = "the participant id is empty";
            return false;
        }
        if (id.Length > 128)
        {
            error = "the participant id is longer than 128 characters";
            return false;
        }
        if (!Prefix().IsMatch(id))
        {
            error = $"\"{id}\" is not an identifier prefix such as 88.608.8889 (digits first, then dot-separated segments of letters, digits or '-')";
            return false;
        }
        error = null;
        return true;
    }

    [GeneratedRegex(@"^[0-9]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
