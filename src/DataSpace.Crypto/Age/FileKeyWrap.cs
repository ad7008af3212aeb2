using System.Security.Cryptography;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Seals and opens a 16-byte file key in a stanza body: ChaCha20-Poly1305 under a one-time wrap
/// key with the nonce fixed to twelve zero bytes (age spec, "X25519 recipient stanza" and
/// "scrypt recipient stanza"). The wrap key is never reused, which is what makes the fixed nonce safe.
/// </summary>
internal static class FileKeyWrap
{
    public const int FileKeySize = 16;
    public const int BodySize = FileKeySize + 16;

    public static byte[] Seal(ReadOnlySpan<byte> wrapKey, ReadOnlySpan<byte> fileKey)
    {
        if (fileKey.Length != FileKeySize)
        {
            throw new ArgumentException($"An age file key is {FileKeySize} bytes.", nameof(fileKey));
        }
        var body = new byte[BodySize];
        using var aead = new ChaCha20Poly1305(wrapKey);
        aead.Encrypt(stackalloc byte[12], fileKey, body.AsSpan(0, FileKeySize), body.AsSpan(FileKeySize));
        return body;
    }

    /// <summary>Returns the file key, or null when the body does not authenticate under this key.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> wrapKey, ReadOnlySpan<byte> body)
    {
        if (body.Length != BodySize)
        {
            throw new ArgumentException($"A wrapped file key is {BodySize} bytes.", nameof(body));
        }
        var fileKey = new byte[FileKeySize];
        using var aead = new ChaCha20Poly1305(wrapKey);
        try
        {
            aead.Decrypt(stackalloc byte[12], body[..FileKeySize], body[FileKeySize..], fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
