using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// The <c>mlkem768x25519</c> stanza (age spec, "mlkem768x25519 recipient stanza"): what our
/// recipient writes, which alterations make it someone else's stanza (no match) and which make
/// it malformed (a header failure), checked in the order the spec gives.
/// </summary>
public sealed class HybridStanzaTests
{
    private static readonly byte[] FileKey = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];

    [Fact]
    public void Wrap_MakesOneStanzaOfTheSpecShape_ThatTheIdentityUnwraps()
    {
        using var identity = HybridIdentity.Generate();

        var stanza = Assert.Single(identity.Recipient.Wrap(FileKey));

        Assert.Equal("mlkem768x25519", stanza.Type);
        var enc = Assert.Single(stanza.Arguments);
        Assert.Equal(1494, enc.Length); // unpadded base64 of 1120 bytes
        Assert.Equal(32, stanza.Body.Length);
        Assert.Equal(FileKey, identity.Unwrap([stanza]));
    }

    [Fact]
    public void Wrap_IsFreshEachTime_AndDeterministicInItsRandomness()
    {
        using var identity = HybridIdentity.Generate();
        var seed = AgeTestFiles.Plaintext(64, seed: 7);

        var first = Assert.Single(identity.Recipient.Wrap(FileKey, seed));
        var again = Assert.Single(identity.Recipient.Wrap(FileKey, seed));
        var fresh = Assert.Single(identity.Recipient.Wrap(FileKey));

        Assert.Equal(first.Arguments, again.Arguments);
        Assert.Equal(first.Body.ToArray(), again.Body.ToArray());
        Assert.NotEqual(first.Arguments, fresh.Arguments);
        Assert.Equal(FileKey, identity.Unwrap([first]));
    }

    [Fact]
    public void Unwrap_WithAnotherIdentity_IsNoMatch()
    {
        using var identity = HybridIdentity.Generate();
        using var other = HybridIdentity.Generate();
        using var classic = X25519Identity.Generate();
        var stanzas = identity.Recipient.Wrap(FileKey);

        Assert.Null(other.Unwrap(stanzas));
        Assert.Null(classic.Unwrap(stanzas));
        Assert.Null(identity.Unwrap(classic.Recipient.Wrap(FileKey)));
    }

    [Theory]
    [InlineData(0)] // ML-KEM ciphertext: implicit rejection gives an unrelated secret
    [InlineData(1087)]
    [InlineData(1100)] // X25519 share: another shared secret
    public void Unwrap_CorruptedEnc_IsNoMatch(int index)
    {
        using var identity = HybridIdentity.Generate();
        var stanza = Assert.Single(identity.Recipient.Wrap(FileKey));
        var enc = Enc(stanza);
        enc[index] ^= 0x01;

        Assert.Null(identity.Unwrap([With(stanza, [Base64Unpadded.Encode(enc)])]));
    }

    [Fact]
    public void Unwrap_CorruptedBody_IsNoMatch()
    {
        using var identity = HybridIdentity.Generate();
        var stanza = Assert.Single(identity.Recipient.Wrap(FileKey));
        var body = stanza.Body.ToArray();
        body[^1] ^= 0x80;

        Assert.Null(identity.Unwrap([new AgeStanza(stanza.Type, stanza.Arguments, body)]));
    }

    [Fact]
    public void Unwrap_UppercaseType_IsIgnored()
    {
        using var identity = HybridIdentity.Generate();
        var stanza = Assert.Single(identity.Recipient.Wrap(FileKey));

        Assert.Null(identity.Unwrap([new AgeStanza("MLKEM768X25519", stanza.Arguments, stanza.Body)]));
    }

    public static TheoryData<string> Malformations => new("extra argument", "no argument", "short enc", "long enc", "padded enc", "long body", "short body", "low-order share");

    [Theory]
    [MemberData(nameof(Malformations))]
    public void Unwrap_MalformedStanza_IsHeaderFailure(string malformation)
    {
        using var identity = HybridIdentity.Generate();
        var stanza = Assert.Single(identity.Recipient.Wrap(FileKey));
        var enc = Enc(stanza);
        var lowOrder = (byte[])enc.Clone();
        lowOrder.AsSpan(1088).Clear(); // u = 0, a point of order one: X25519 gives all zeros
        var malformed = malformation switch
        {
            "extra argument" => With(stanza, [.. stanza.Arguments, "x"]),
            "no argument" => With(stanza, []),
            "short enc" => With(stanza, [Base64Unpadded.Encode(enc[..^1])]),
            "long enc" => With(stanza, [Base64Unpadded.Encode([.. enc, 0])]),
            "padded enc" => With(stanza, [Convert.ToBase64String(enc)]),
            "long body" => new AgeStanza(stanza.Type, stanza.Arguments, new byte[33]),
            "short body" => new AgeStanza(stanza.Type, stanza.Arguments, stanza.Body[..16]),
            "low-order share" => With(stanza, [Base64Unpadded.Encode(lowOrder)]),
            _ => throw new ArgumentOutOfRangeException(nameof(malformation)),
        };

        var e = Assert.Throws<AgeException>(() => identity.Unwrap([malformed]));
        Assert.Equal(AgeErrorKind.Header, e.Kind);
    }

    [Fact]
    public void Wrap_RecipientWithLowOrderX25519Part_Throws()
    {
        using var identity = HybridIdentity.Generate();
        var key = identity.Recipient.PublicKeyBytes.ToArray();
        key.AsSpan(1184).Clear();
        var recipient = HybridRecipient.Parse(Bech32.Encode("age1pq", key));

        Assert.Throws<InvalidOperationException>(() => recipient.Wrap(FileKey));
    }

    [Fact]
    public void Wrap_FileKeyOfWrongLength_Throws()
    {
        using var identity = HybridIdentity.Generate();

        Assert.Throws<ArgumentException>(() => identity.Recipient.Wrap(new byte[25]));
    }

    private static byte[] Enc(AgeStanza stanza)
    {
        Assert.True(Base64Unpadded.TryDecode(stanza.Arguments[0], out var enc));
        return enc;
    }

    private static AgeStanza With(AgeStanza stanza, IReadOnlyList<string> arguments) => new(stanza.Type, arguments, stanza.Body);
}
