using System.Text;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// The encode-direction checks CCTV-age-README.md suggests: headers of every vector that is not
/// a header failure re-encode byte for byte, armor re-encodes, and success payloads re-encrypt
/// to the same bytes from the vector's file key and nonce.
/// </summary>
public sealed class TestkitRoundTripTests
{
    public static TheoryData<string> ParsableHeaders => new(TestkitVector.Names.Where(name =>
    {
        var vector = TestkitVector.Load(name);
        return vector.Expect is not ("header failure" or "armor failure");
    }));

    public static TheoryData<string> Successes => new(TestkitVector.Names.Where(name =>
        TestkitVector.Load(name).Expect == "success"));

    public static TheoryData<string> ArmoredSuccesses => new(TestkitVector.Names.Where(name =>
        TestkitVector.Load(name) is { Armored: true, Expect: "success" }));

    [Theory]
    [MemberData(nameof(ParsableHeaders))]
    public void Header_ParsedFromVector_ReencodesIdentically(string name)
    {
        var file = Dearmor(TestkitVector.Load(name));
        var header = ParseHeader(file, out var length);

        Assert.Equal(file[..length], header.Encode());
    }

    [Theory]
    [MemberData(nameof(Successes))]
    public async Task Payload_OfSuccessVector_ReencryptsIdenticallyFromFileKey(string name)
    {
        var vector = TestkitVector.Load(name);
        var file = Dearmor(vector);
        ParseHeader(file, out var headerLength);
        var nonce = file.AsSpan(headerLength, 16).ToArray();
        var payloadKey = Payload.DeriveKey(Convert.FromHexString(vector.Fields["file key"].Single()), nonce);
        var (_, plaintext) = await CctvTestkitTests.DecryptAsync(vector);

        using var sealedPayload = new MemoryStream();
        await PayloadEncryptor.EncryptAsync(new MemoryStream(plaintext), sealedPayload, payloadKey, TestContext.Current.CancellationToken);

        Assert.Equal(file[(headerLength + 16)..], sealedPayload.ToArray());
    }

    [Theory]
    [MemberData(nameof(ArmoredSuccesses))]
    public async Task Armor_OfSuccessVector_ReencodesToSameBlock(string name)
    {
        var vector = TestkitVector.Load(name);
        var binary = Dearmor(vector);

        using var output = new MemoryStream();
        var writer = new ArmorWriter(output);
        await writer.WriteAsync(binary, TestContext.Current.CancellationToken);
        await writer.CompleteAsync(TestContext.Current.CancellationToken);

        // Same block once CRLF and the tolerated outer whitespace are normalised.
        var expected = Encoding.ASCII.GetString(vector.ReadAgeFile()).Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
        Assert.Equal(expected, Encoding.ASCII.GetString(output.ToArray()));
    }

    private static byte[] Dearmor(TestkitVector vector)
    {
        var file = vector.ReadAgeFile();
        if (!vector.Armored)
        {
            return file;
        }
        using var reader = new ArmorReader(new BufferedSource(new MemoryStream(file), 4096));
        using var binary = new MemoryStream();
        try
        {
            reader.CopyTo(binary);
        }
        catch (AgeException e) when (e.Kind == AgeErrorKind.Armor)
        {
            Assert.Fail($"{vector.Name}: armor should decode: {e.Message}");
        }
        return binary.ToArray();
    }

    private static AgeHeader ParseHeader(byte[] file, out int length)
    {
        var parser = new HeaderParser();
        var offset = 0;
        while (true)
        {
            var end = file.AsSpan(offset).IndexOf((byte)'\n') + offset + 1;
            if (parser.Feed(file.AsSpan(offset, end - offset)))
            {
                length = end;
                return parser.Result!;
            }
            offset = end;
        }
    }
}
