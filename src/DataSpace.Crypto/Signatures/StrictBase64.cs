namespace DataSpace.Crypto.Signatures;

/// <summary>
/// Standard padded base64 (RFC 4648 §4) accepted only in its canonical form: no whitespace, and
/// the encoding of the decoded bytes must give back the same text (unused bits zero), so one value
/// has exactly one spelling wherever it is signed or hashed.
/// </summary>
public static class StrictBase64
{
    /// <summary>Decodes <paramref name="text"/> if it is canonical padded base64.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }
        var decoded = buffer[..written];
        if (Convert.ToBase64String(decoded) != text)
        {
            return false;
        }
        bytes = decoded;
        return true;
    }
}
