using System.Text;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>The managed scrypt against RFC 7914 section 12 (values also checked with Python's hashlib.scrypt).</summary>
public sealed class ScryptTests
{
    [Fact]
    public void DeriveKey_Rfc7914EmptyVector_Matches()
    {
        var key = Scrypt.DeriveKey([], [], logN: 4, r: 1, p: 1, length: 64);

        Assert.Equal("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void DeriveKey_Rfc7914PasswordVector_Matches()
    {
        var key = Scrypt.DeriveKey("password"u8, "NaCl"u8, logN: 10, r: 8, p: 16, length: 64);

        Assert.Equal("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640", Convert.ToHexStringLower(key));
    }

    [Fact]
    public async Task Encrypt_ScryptWithAnotherRecipient_IsRefused()
    {
        using var identity = X25519Identity.Generate();
        IReadOnlyList<IRecipient> recipients = [new ScryptRecipient("pw", 2), identity.Recipient];

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            AgeEncryptor.EncryptAsync(new MemoryStream(), new MemoryStream(), recipients, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("only recipient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_WorkFactorAboveLimit_IsHeaderFailureBeforeAnyWork()
    {
        var file = AgePassphrase.Encrypt(Encoding.UTF8.GetBytes("secret"), "pw", workFactor: 12);
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<AgeException>(() =>
            AgeDecryptor.DecryptAsync(new MemoryStream(file), output, [new ScryptIdentity("pw", maxWorkFactor: 11)], TestContext.Current.CancellationToken));

        Assert.Equal(AgeErrorKind.Header, error.Kind);
    }

    [Fact]
    public void Decrypt_WrongPassphrase_IsNoMatch()
    {
        var file = AgePassphrase.Encrypt([1, 2, 3], "right", workFactor: 10);

        var error = Assert.Throws<AgeException>(() => AgePassphrase.Decrypt(file, "wrong"));

        Assert.Equal(AgeErrorKind.NoMatch, error.Kind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PassphraseHelpers_RoundTrip(bool armor)
    {
        var plaintext = Encoding.UTF8.GetBytes("{\"kty\":\"OKP\"}");

        var file = AgePassphrase.Encrypt(plaintext, "correct horse battery staple", armor, workFactor: 10);

        Assert.Equal(armor, Encoding.ASCII.GetString(file).StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", StringComparison.Ordinal));
        if (!armor)
        {
            Assert.StartsWith("age-encryption.org/v1\n-> scrypt ", Encoding.ASCII.GetString(file), StringComparison.Ordinal);
        }
        Assert.Equal(plaintext, AgePassphrase.Decrypt(file, "correct horse battery staple"));
    }
}
