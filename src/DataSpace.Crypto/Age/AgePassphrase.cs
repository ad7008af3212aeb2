namespace DataSpace.Crypto.Age;

/// <summary>
/// Passphrase encryption of small in-memory values, such as key files: an age file whose only
/// recipient is an scrypt stanza (age spec, "The scrypt recipient type").
/// </summary>
public static class AgePassphrase
{
    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="passphrase"/>.</summary>
    /// <param name="plaintext">The value to protect.</param>
    /// <param name="passphrase">The passphrase (its UTF-8 bytes are used).</param>
    /// <param name="armor">Return the PEM-armored text form (as ASCII bytes).</param>
    /// <param name="workFactor">log2 of the scrypt cost; age's default is 18.</param>
    public static byte[] Encrypt(byte[] plaintext, string passphrase, bool armor = false, int workFactor = ScryptRecipient.DefaultWorkFactor)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        using var input = new MemoryStream(plaintext, writable: false);
        using var output = new MemoryStream();
        // Memory streams complete synchronously, so waiting here cannot deadlock.
        AgeEncryptor.EncryptAsync(input, output, [new ScryptRecipient(passphrase, workFactor)], armor).GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>Decrypts a passphrase-encrypted age file (binary or armored).</summary>
    /// <param name="ciphertext">The age file.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="maxWorkFactor">The largest scrypt work factor accepted.</param>
    /// <exception cref="AgeException">A wrong passphrase (<see cref="AgeErrorKind.NoMatch"/>) or an invalid file.</exception>
    public static byte[] Decrypt(byte[] ciphertext, string passphrase, int maxWorkFactor = ScryptIdentity.DefaultMaxWorkFactor)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        using var input = new MemoryStream(ciphertext, writable: false);
        using var output = new MemoryStream();
        AgeDecryptor.DecryptAsync(input, output, [new ScryptIdentity(passphrase, maxWorkFactor)]).GetAwaiter().GetResult();
        return output.ToArray();
    }
}
