using System.Security.Cryptography;
using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// The CCTV age testkit (c2sp.org/CCTV/age): every vector must give its <c>expect:</c> outcome,
/// and the SHA-256 of all plaintext released before success or failure must equal <c>payload:</c>.
/// </summary>
public sealed class CctvTestkitTests
{
    public static TheoryData<string> Vectors => new(TestkitVector.Names);

    [Fact]
    public void Testkit_Has143Vectors() => Assert.Equal(143, Vectors.Count);

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Decrypt_TestkitVector_GivesExpectedOutcomeAndPayload(string name)
    {
        var vector = TestkitVector.Load(name);

        var (outcome, released) = await DecryptAsync(vector);

        Assert.Equal(vector.Expect, outcome);
        if (vector.Payload is { } payload)
        {
            Assert.Equal(payload, Convert.ToHexStringLower(SHA256.HashData(released)));
        }
    }

    internal static async Task<(string Outcome, byte[] Released)> DecryptAsync(TestkitVector vector)
    {
        var identities = new List<IIdentity>();
        foreach (var identity in vector.Identities)
        {
            identities.Add(identity.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal)
                ? HybridIdentity.Parse(identity)
                : X25519Identity.Parse(identity));
        }
        identities.AddRange(vector.Passphrases.Select(passphrase => new ScryptIdentity(passphrase)));

        await using var input = vector.OpenAgeFile();
        using var output = new MemoryStream();
        try
        {
            await AgeDecryptor.DecryptAsync(input, output, identities, TestContext.Current.CancellationToken);
            return ("success", output.ToArray());
        }
        catch (AgeException e)
        {
            return (Outcome(e.Kind), output.ToArray());
        }
        finally
        {
            foreach (var identity in identities.OfType<IDisposable>())
            {
                identity.Dispose();
            }
        }
    }

    private static string Outcome(AgeErrorKind kind) => kind switch
    {
        AgeErrorKind.NoMatch => "no match",
        AgeErrorKind.Hmac => "HMAC failure",
        AgeErrorKind.Header => "header failure",
        AgeErrorKind.Payload => "payload failure",
        AgeErrorKind.Armor => "armor failure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
