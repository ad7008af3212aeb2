using System.Text;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>Every kind of alteration is caught by the layer that owns it, and nothing unauthenticated is released.</summary>
public sealed class TamperTests
{
    private const int Chunk = 64 * 1024;

    [Fact]
    public async Task FlipInEachChunk_ReleasesOnlyEarlierChunks()
    {
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext((20 * Chunk) + 99);
        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient]);
        var payloadStart = RoundTripTests.HeaderLength(file) + 16;

        foreach (var chunk in new[] { 0, 1, 14, 15, 16, 19, 20 })
        {
            var tampered = (byte[])file.Clone();
            tampered[payloadStart + (chunk * (Chunk + 16)) + 5] ^= 0x01;

            var (kind, released) = await AgeTestFiles.TryDecryptAsync(tampered, identity);

            Assert.Equal(AgeErrorKind.Payload, kind);
            Assert.Equal(plaintext[..(chunk * Chunk)], released);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(Chunk + 16)]
    [InlineData(Chunk + 17)]
    public async Task Truncated_IsPayloadFailure(int cut)
    {
        using var identity = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync(AgeTestFiles.Plaintext(3 * Chunk), [identity.Recipient]);

        var (kind, released) = await AgeTestFiles.TryDecryptAsync(file[..^cut], identity);

        Assert.Equal(AgeErrorKind.Payload, kind);
        Assert.True(released.Length <= 2 * Chunk);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Chunk)]
    public async Task TrailingDataAfterFullFinalChunk_IsPayloadFailureAfterReleasingTheFile(int extra)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext(2 * Chunk);
        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient]);

        var (kind, released) = await AgeTestFiles.TryDecryptAsync([.. file, .. new byte[extra]], identity);

        Assert.Equal(AgeErrorKind.Payload, kind);
        Assert.Equal(plaintext, released);
    }

    [Fact]
    public async Task TrailingDataAfterShortFinalChunk_WithholdsThatChunk()
    {
        // The extra byte becomes part of the short final chunk, which then fails to authenticate.
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext((2 * Chunk) + 5);
        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient]);

        var (kind, released) = await AgeTestFiles.TryDecryptAsync([.. file, 0], identity);

        Assert.Equal(AgeErrorKind.Payload, kind);
        Assert.Equal(plaintext[..(2 * Chunk)], released);
    }

    [Fact]
    public async Task ChangedStanzaArgumentOrder_IsHmacFailure()
    {
        using var alice = X25519Identity.Generate();
        using var bob = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync([7], [alice.Recipient, bob.Recipient]);
        var text = Encoding.Latin1.GetString(file);
        // Swap the two stanzas: both still parse and unwrap, but the MAC covers their order.
        var first = text.IndexOf("-> X25519", StringComparison.Ordinal);
        var second = text.IndexOf("-> X25519", first + 1, StringComparison.Ordinal);
        var end = text.IndexOf("---", StringComparison.Ordinal);
        var swapped = text[..first] + text[second..end] + text[first..second] + text[end..];

        var (kind, released) = await AgeTestFiles.TryDecryptAsync(Encoding.Latin1.GetBytes(swapped), alice);

        Assert.Equal(AgeErrorKind.Hmac, kind);
        Assert.Empty(released);
    }

    [Fact]
    public async Task FlippedMacBit_IsHmacFailure()
    {
        using var identity = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync([7], [identity.Recipient]);
        var macStart = file.AsSpan().IndexOf("\n--- "u8) + 5;
        file[macStart] = file[macStart] == (byte)'A' ? (byte)'B' : (byte)'A';

        var (kind, _) = await AgeTestFiles.TryDecryptAsync(file, identity);

        Assert.Equal(AgeErrorKind.Hmac, kind);
    }

    [Theory]
    [InlineData("age-encryption.org/v1\n", "age-encryption.org/v1\r\n")]
    [InlineData("\n--- ", "\n---  ")]
    [InlineData("-> X25519 ", "-> X25519  ")]
    public async Task NonCanonicalHeader_IsHeaderFailure(string find, string replace)
    {
        using var identity = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync([7], [identity.Recipient]);
        var text = Encoding.Latin1.GetString(file);

        var (kind, _) = await AgeTestFiles.TryDecryptAsync(Encoding.Latin1.GetBytes(text.Replace(find, replace, StringComparison.Ordinal)), identity);

        Assert.Equal(AgeErrorKind.Header, kind);
    }

    [Theory]
    [InlineData("\n-----END", "\n\n-----END")]
    [InlineData("-----BEGIN AGE ENCRYPTED FILE-----\n", "-----BEGIN AGE ENCRYPTED FILE-----\nVersion: 1\n\n")]
    [InlineData("-----END AGE ENCRYPTED FILE-----\n", "-----END AGE ENCRYPTED FILE-----\ngarbage\n")]
    public async Task AlteredArmor_IsArmorFailure(string find, string replace)
    {
        using var identity = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync(AgeTestFiles.Plaintext(100), [identity.Recipient], armor: true);
        var text = Encoding.ASCII.GetString(file);

        var (kind, _) = await AgeTestFiles.TryDecryptAsync(Encoding.ASCII.GetBytes(text.Replace(find, replace, StringComparison.Ordinal)), identity);

        Assert.Equal(AgeErrorKind.Armor, kind);
    }

    [Fact]
    public async Task ArmorWithCrlfAndOuterWhitespace_Decrypts()
    {
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext(5000);
        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient], armor: true);
        var text = " \r\n\t\n" + Encoding.ASCII.GetString(file).Replace("\n", "\r\n", StringComparison.Ordinal) + "\n  \n";

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(Encoding.ASCII.GetBytes(text), identity));
    }
}
