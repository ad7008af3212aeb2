namespace DataSpace.Crypto.Age;

/// <summary>
/// The ASCII armor (age spec, "ASCII armor"): strict PEM (RFC 7468 section 3, Figure 3) with the
/// case-sensitive label <c>AGE ENCRYPTED FILE</c>, padded base64 in 64-column lines.
/// </summary>
internal static class Armor
{
    public const string Header = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string Footer = "-----END AGE ENCRYPTED FILE-----";
    public const int ColumnsPerLine = 64;
    public const int BytesPerLine = ColumnsPerLine / 4 * 3;

    /// <summary>Whitespace tolerated before and after the PEM block, bounded as in the reference implementation.</summary>
    public const int MaxWhitespace = 1024;

    public static bool IsWhitespace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\v' or (byte)'\f';
}
