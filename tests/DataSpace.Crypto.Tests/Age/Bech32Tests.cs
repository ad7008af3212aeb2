using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>Bech32 keys per bech32-notes.md: BIP 173 checksum, no length limit, strict case.</summary>
public sealed class Bech32Tests
{
    private const string SpecIdentity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    private const string SpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    [Fact]
    public void Parse_SpecExampleIdentity_DerivesSpecRecipient()
    {
        using var identity = X25519Identity.Parse(SpecIdentity);

        Assert.Equal(SpecRecipient, identity.Recipient.ToString());
        Assert.Equal(SpecIdentity, identity.ToSecretString());
    }

    [Fact]
    public void TryDecode_SpecIdentity_Gives0x42Bytes()
    {
        Assert.True(Bech32.TryDecode(SpecIdentity, out var hrp, out var data));
        Assert.Equal("AGE-SECRET-KEY-", hrp);
        Assert.Equal(Enumerable.Repeat((byte)0x42, 32), data);
    }

    [Fact]
    public void TryDecode_TestkitIdentity_GivesNotedBytes()
    {
        Assert.True(Bech32.TryDecode("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0", out _, out var data));
        Assert.Equal("ca1626252c53cf1a4dc46695e7fcc46594cb4ccadedb6712dfda0753f3ae355e", Convert.ToHexStringLower(data));
    }

    [Fact]
    public void Encode_LongPayload_HasNoLengthLimit()
    {
        var data = Enumerable.Range(0, 1216).Select(i => (byte)i).ToArray();

        var text = Bech32.Encode("age1pq", data);

        Assert.True(text.Length > 1900);
        Assert.True(Bech32.TryDecode(text, out var hrp, out var decoded));
        Assert.Equal("age1pq", hrp);
        Assert.Equal(data, decoded);
    }

    [Fact]
    public void TryDecode_AllTestkitX25519Identities_RoundTrip()
    {
        var identities = TestkitVector.Names.Select(TestkitVector.Load).SelectMany(vector => vector.Identities).Distinct().ToList();

        Assert.NotEmpty(identities);
        foreach (var text in identities)
        {
            Assert.True(Bech32.TryDecode(text, out var hrp, out var data), text);
            Assert.Equal(text, Bech32.Encode(hrp, data));
        }
    }

    [Theory]
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEx")] // mixed case
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEY")] // flipped checksum character
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEB")] // 'b' is not in the charset
    [InlineData("age-secret-key-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex")] // lower-case identity
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")] // a recipient, not an identity
    [InlineData("AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR")] // hybrid identity
    [InlineData("")]
    public void IdentityParse_Invalid_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => X25519Identity.Parse(text));

    [Theory]
    [InlineData("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ")] // upper-case recipient
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwq")] // bad checksum
    public void RecipientParse_Invalid_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(text));

    [Fact]
    public void RecipientParse_31Bytes_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(Bech32.Encode("age", new byte[31])));

    [Fact]
    public void TryDecode_ReferenceChecksum_IsAccepted()
    {
        var data = Bech32.Encode("age", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.Equal(data, WithChecksum("age", data[4..^6], Bech32Constant));
    }

    [Fact]
    public void TryDecode_Bech32mChecksum_IsRejected()
    {
        var bech32m = WithChecksum("age", Bech32.Encode("age", new byte[32])[4..^6], Bech32mConstant);

        Assert.False(Bech32.TryDecode(bech32m, out _, out _));
    }

    [Fact]
    public void TryDecode_NonZeroPadding_IsRejected()
    {
        // 32 bytes take 52 five-bit groups, the last holding 4 padding bits; set one of them.
        var data = Bech32.Encode("age", new byte[32])[4..^6].ToCharArray();
        data[^1] = 'p'; // value 1

        Assert.False(Bech32.TryDecode(WithChecksum("age", new string(data), Bech32Constant), out _, out _));
    }

    [Fact]
    public void Generate_RoundTripsThroughBothStrings()
    {
        using var identity = X25519Identity.Generate();
        using var parsed = X25519Identity.Parse(identity.ToSecretString());

        Assert.StartsWith("AGE-SECRET-KEY-1", identity.ToSecretString(), StringComparison.Ordinal);
        Assert.Equal(74, identity.ToSecretString().Length);
        Assert.Equal(identity.Recipient.ToString(), parsed.Recipient.ToString());
        Assert.Equal(identity.Recipient.ToString(), X25519Recipient.Parse(identity.Recipient.ToString()).ToString());
        Assert.DoesNotContain("SECRET", identity.ToString(), StringComparison.Ordinal);
    }

    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    /// <summary>An independent BIP 173 / BIP 350 checksum, written out from the BIPs' reference code.</summary>
    private static string WithChecksum(string hrp, string dataChars, uint constant)
    {
        const string charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        var values = dataChars.Select(c => (byte)charset.IndexOf(c, StringComparison.Ordinal));
        var expanded = hrp.Select(c => (byte)(c >> 5)).Append((byte)0).Concat(hrp.Select(c => (byte)(c & 31))).Concat(values).Concat(new byte[6]);
        uint chk = 1;
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        foreach (var v in expanded)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
            {
                chk ^= ((top >> i) & 1) != 0 ? generator[i] : 0;
            }
        }
        chk ^= constant;
        var checksum = Enumerable.Range(0, 6).Select(i => charset[(int)((chk >> (5 * (5 - i))) & 31)]);
        return hrp + "1" + dataChars + string.Concat(checksum);
    }
}
