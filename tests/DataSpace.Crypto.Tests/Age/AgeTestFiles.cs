using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>Small helpers shared by the age tests: deterministic plaintexts and in-memory round trips.</summary>
internal static class AgeTestFiles
{
    public static byte[] Plaintext(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static async Task<byte[]> EncryptAsync(byte[] plaintext, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        using var output = new MemoryStream();
        await AgeEncryptor.EncryptAsync(new MemoryStream(plaintext), output, recipients, armor, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    public static async Task<byte[]> DecryptAsync(byte[] file, params IIdentity[] identities)
    {
        using var output = new MemoryStream();
        await AgeDecryptor.DecryptAsync(new MemoryStream(file), output, identities, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    /// <summary>Decrypts and returns the failure kind (or null) and what was released before it.</summary>
    public static async Task<(AgeErrorKind? Kind, byte[] Released)> TryDecryptAsync(byte[] file, params IIdentity[] identities)
    {
        using var output = new MemoryStream();
        try
        {
            await AgeDecryptor.DecryptAsync(new MemoryStream(file), output, identities, TestContext.Current.CancellationToken);
            return (null, output.ToArray());
        }
        catch (AgeException e)
        {
            return (e.Kind, output.ToArray());
        }
    }
}
