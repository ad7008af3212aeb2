namespace DataSpace.Storage;

/// <summary>
/// Orders keys by Unicode code point, which is the order of their UTF-8 bytes and the order Azure lists
/// blobs in. It differs from <see cref="StringComparer.Ordinal"/> (UTF-16 code units) only for characters
/// beyond U+FFFF against U+E000–U+FFFF.
/// </summary>
internal sealed class KeyOrder : IComparer<string>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]) - Rank(y[i]);
            }
        }
        return x.Length - y.Length;
    }

    // Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, so they must sort after U+E000–U+FFFF.
    private static int Rank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
