namespace DataSpace.Ledger.Entries;

/// <summary>
/// Entry type names: 1–100 characters of lowercase ASCII letters, digits, '.', '-' and '_',
/// starting with a letter (e.g. <c>participant.registered</c>, <c>contract.agreed</c>), so a type
/// has one spelling and is safe to print.
/// </summary>
internal static class EntryTypeSyntax
{
    public const int MaxLength = 100;

    public static bool IsValid(string type)
    {
        if (type.Length is 0 or > MaxLength || !char.IsAsciiLetterLower(type[0]))
        {
            return false;
        }
        foreach (var c in type)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }
}
