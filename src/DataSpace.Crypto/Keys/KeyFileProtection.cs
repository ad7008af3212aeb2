using System.Text;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Keys;

/// <summary>
/// Passphrase protection of key files: age with one scrypt recipient, armored, exactly what
/// <c>age -p -a</c> writes, so a user can always recover their keys with the standard tool.
/// </summary>
internal static class KeyFileProtection
{
    private static readonly byte[] ArmorStart = Encoding.ASCII.GetBytes("-----BEGIN AGE ENCRYPTED FILE-----");
    private static readonly byte[] BinaryStart = Encoding.ASCII.GetBytes(AgeHeader.VersionLine);

    public static bool IsProtected(ReadOnlySpan<byte> content)
    {
        var trimmed = content.TrimStart(" \t\r\n"u8);
        return trimmed.StartsWith(ArmorStart) || trimmed.StartsWith(BinaryStart);
    }

    public static byte[] Protect(byte[] json, string passphrase) => AgePassphrase.Encrypt(json, passphrase, armor: true);

    public static byte[] Unprotect(byte[] content, string passphrase)
    {
        try
        {
            return AgePassphrase.Decrypt(content, passphrase);
        }
        catch (AgeException e)
        {
            throw new KeyFileException(KeyFileError.WrongPassphrase, $"The passphrase does not open the key file ({e.Message}).", e);
        }
    }
}
