using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// Whole files to hybrid recipients, written by our encryptor and read by our decryptor (the
/// installed <c>age</c> 1.1.1 CLI has no hybrid keys, so there is no CLI interop here; the CCTV
/// vectors cover files written by the reference implementation).
/// </summary>
public sealed class HybridRoundTripTests
{
    private const int Chunk = 64 * 1024;

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(Chunk + 1, false)]
    [InlineData(1000, true)]
    public async Task Hybrid_RoundTrips(int length, bool armor)
    {
        using var identity = HybridIdentity.Generate();
        var plaintext = AgeTestFiles.Plaintext(length);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient], armor);

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, identity));
    }

    [Fact]
    public async Task SeveralHybridRecipients_EachDecrypts()
    {
        using var first = HybridIdentity.Generate();
        using var second = HybridIdentity.Generate();
        var plaintext = AgeTestFiles.Plaintext(5000);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [first.Recipient, second.Recipient]);

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, first));
        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, second));
    }

    [Fact]
    public async Task ParsedRecipient_IsReadByTheIdentity()
    {
        using var identity = HybridIdentity.Generate();
        var recipient = HybridRecipient.Parse(identity.Recipient.ToString());
        var plaintext = AgeTestFiles.Plaintext(300);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [recipient]);

        using var parsed = HybridIdentity.Parse(identity.ToSecretString());
        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, parsed));
    }

    [Fact]
    public async Task HybridMixedWithClassicRecipients_IsRefused()
    {
        using var hybrid = HybridIdentity.Generate();
        using var classic = X25519Identity.Generate();

        await Assert.ThrowsAsync<ArgumentException>(() => AgeTestFiles.EncryptAsync([1], [hybrid.Recipient, classic.Recipient]));
        await Assert.ThrowsAsync<ArgumentException>(() => AgeTestFiles.EncryptAsync([1], [classic.Recipient, hybrid.Recipient]));
        await Assert.ThrowsAsync<ArgumentException>(() => AgeTestFiles.EncryptAsync([1], [hybrid.Recipient, new ScryptRecipient("passphrase", workFactor: 1)]));
    }

    [Fact]
    public async Task WrongIdentities_AreNoMatch()
    {
        using var identity = HybridIdentity.Generate();
        using var other = HybridIdentity.Generate();
        using var classic = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync(AgeTestFiles.Plaintext(100), [identity.Recipient]);

        var (kind, released) = await AgeTestFiles.TryDecryptAsync(file, other, classic);

        Assert.Equal(AgeErrorKind.NoMatch, kind);
        Assert.Empty(released);
    }

    [Fact]
    public async Task AlteredHeaderAndPayload_AreCaught()
    {
        using var identity = HybridIdentity.Generate();
        var plaintext = AgeTestFiles.Plaintext(2 * Chunk);
        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient]);
        var headerLength = RoundTripTests.HeaderLength(file);

        var macAltered = (byte[])file.Clone();
        macAltered[headerLength - 3] = (byte)(macAltered[headerLength - 3] == 'A' ? 'B' : 'A');
        var payloadAltered = (byte[])file.Clone();
        payloadAltered[headerLength + 16 + Chunk + 16 + 5] ^= 0x01;

        Assert.Equal(AgeErrorKind.Hmac, (await AgeTestFiles.TryDecryptAsync(macAltered, identity)).Kind);
        var (kind, released) = await AgeTestFiles.TryDecryptAsync(payloadAltered, identity);
        Assert.Equal(AgeErrorKind.Payload, kind);
        Assert.Equal(plaintext[..Chunk], released);
    }
}
