using System.Text;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>Encrypt then decrypt across chunk boundaries, recipients and armor.</summary>
public sealed class RoundTripTests
{
    private const int Chunk = 64 * 1024;

    public static TheoryData<int> Lengths => new(0, 1, 15, 16, 17, Chunk - 1, Chunk, Chunk + 1, 2 * Chunk, (15 * Chunk) + 7, 16 * Chunk, (16 * Chunk) + 1, 17 * Chunk, 33 * Chunk, (40 * Chunk) + 12345);

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task X25519_AnyLength_RoundTrips(int length)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext(length);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient]);

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, identity));
        Assert.Equal(ExpectedSize(length), file.Length - HeaderLength(file));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Armored_AnyLength_RoundTrips(int length)
    {
        using var identity = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext(length);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [identity.Recipient], armor: true);

        var lines = Encoding.ASCII.GetString(file).Split('\n');
        Assert.Equal("-----BEGIN AGE ENCRYPTED FILE-----", lines[0]);
        Assert.Equal("-----END AGE ENCRYPTED FILE-----", lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^3], line => Assert.Equal(64, line.Length));
        Assert.InRange(lines[^3].Length, 4, 64);
        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, identity));
    }

    [Fact]
    public async Task ExactChunkMultiple_LastChunkIsFullAndFinal()
    {
        using var identity = X25519Identity.Generate();

        var file = await AgeTestFiles.EncryptAsync(AgeTestFiles.Plaintext(2 * Chunk), [identity.Recipient]);

        // Two full sealed chunks and no empty third one (age spec, "Payload").
        Assert.Equal(16 + (2 * (Chunk + 16)), file.Length - HeaderLength(file));
    }

    [Fact]
    public async Task EmptyPlaintext_IsOneEmptyFinalChunk()
    {
        using var identity = X25519Identity.Generate();

        var file = await AgeTestFiles.EncryptAsync([], [identity.Recipient]);

        Assert.Equal(16 + 16, file.Length - HeaderLength(file));
        Assert.Empty(await AgeTestFiles.DecryptAsync(file, identity));
    }

    [Fact]
    public async Task ManyRecipients_EachDecrypts()
    {
        using var alice = X25519Identity.Generate();
        using var bob = X25519Identity.Generate();
        using var carol = X25519Identity.Generate();
        var plaintext = AgeTestFiles.Plaintext(1000);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [alice.Recipient, bob.Recipient]);

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, alice));
        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, carol, bob));
        var (kind, released) = await AgeTestFiles.TryDecryptAsync(file, carol);
        Assert.Equal(AgeErrorKind.NoMatch, kind);
        Assert.Empty(released);
    }

    [Fact]
    public async Task Passphrase_RoundTripsThroughStreams()
    {
        var plaintext = AgeTestFiles.Plaintext(3 * Chunk);

        var file = await AgeTestFiles.EncryptAsync(plaintext, [new ScryptRecipient("pw", workFactor: 10)]);

        Assert.Equal(plaintext, await AgeTestFiles.DecryptAsync(file, new ScryptIdentity("pw")));
    }

    [Fact]
    public async Task Header_OfEncryptedFile_IsCanonicalAndReparses()
    {
        using var identity = X25519Identity.Generate();
        var file = await AgeTestFiles.EncryptAsync([1], [identity.Recipient, X25519Identity.Generate().Recipient]);
        var headerLength = HeaderLength(file);

        var parser = new HeaderParser();
        var lines = Encoding.ASCII.GetString(file, 0, headerLength).Split('\n')[..^1];
        Assert.All(lines[..^1], line => Assert.False(parser.Feed(Encoding.ASCII.GetBytes(line + "\n"))));
        Assert.True(parser.Feed(Encoding.ASCII.GetBytes(lines[^1] + "\n")));
        Assert.Equal(file[..headerLength], parser.Result!.Encode());
        Assert.True(HeaderMac.Verify(await UnwrapAsync(identity, parser.Result), parser.Result));
    }

    private static Task<byte[]> UnwrapAsync(IIdentity identity, AgeHeader header) => Task.FromResult(identity.Unwrap(header.Stanzas)!);

    /// <summary>Nonce, then full chunks of 64 KiB + 16, then a final chunk (empty only for an empty file).</summary>
    private static int ExpectedSize(int length)
    {
        var chunks = Math.Max(1, (length + Chunk - 1) / Chunk);
        return 16 + length + (16 * chunks);
    }

    internal static int HeaderLength(byte[] file)
    {
        var mac = file.AsSpan().IndexOf("\n--- "u8) + 1;
        return mac + file.AsSpan(mac).IndexOf((byte)'\n') + 1;
    }
}
