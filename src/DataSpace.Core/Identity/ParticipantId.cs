using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace DataSpace.Core.Identity;

/// <summary>
/// A participant id: an industrial-internet identifier prefix in Handle syntax (e.g.
/// <c>88.608.8889</c>): a digit segment, then dot-separated segments of letters, digits and '-'.
/// Asset ids add <c>/suffix</c>, which a participant id never has.
/// </summary>
public readonly partial record struct ParticipantId
{
    private const int MaxLength = 128;

    private ParticipantId(string value) => Value = value;

    /// <summary>The id as written.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="text"/>, or says why it is not a participant id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ParticipantId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "the participant id is empty";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = $"the participant id is longer than {MaxLength} characters";
            return false;
        }
        if (!Prefix().IsMatch(text))
        {
            error = $"\"{text}\" is not an identifier prefix such as 88.608.8889 (digits first, then dot-separated segments of letters, digits or '-')";
            return false;
        }
        id = new ParticipantId(text);
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> saying why.</summary>
    public static ParticipantId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[0-9]+(\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
