using System.Text;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// Key names as C2SP signed notes allow them: non-empty, no Unicode spaces and no '+'
/// (c2sp.org/signed-note, "Signatures"). Participant ids (e.g. <c>88.608.8889</c>) are valid names.
/// </summary>
public static class KeyNames
{
    /// <summary>True when <paramref name="name"/> may name a key; otherwise says why.</summary>
    public static bool IsValid(string? name, out string? error)
    {
        if (string.IsNullOrEmpty(name))
        {
            error = "the key name is empty";
            return false;
        }
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value == '+' || Rune.IsControl(rune))
            {
                error = $"the key name \"{name}\" contains a space, control character or '+'";
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the name is not valid.</summary>
    public static void Validate(string name)
    {
        if (!IsValid(name, out var error))
        {
            throw new ArgumentException(error, nameof(name));
        }
    }
}
