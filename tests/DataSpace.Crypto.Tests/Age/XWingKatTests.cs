using DataSpace.Crypto.Age.Hybrid;
using DataSpace.Crypto.Age.MlKem;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>The X-Wing KEM and the ML-KEM-768 under it against published known answers (<see cref="XWingVectors"/>).</summary>
public sealed class XWingKatTests
{
    public static TheoryData<string> Vectors => new(nameof(XWingVectors.First), nameof(XWingVectors.Second));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublicKey_FromSeed_MatchesVector(string name)
    {
        var vector = Vector(name);

        using var keyPair = XWingKeyPair.FromSeed(XWingVectors.Bytes(vector.Seed));

        Assert.Equal(XWingVectors.Bytes(vector.PublicKey), keyPair.PublicKey);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EncapsulateDerand_MatchesVectorCiphertextAndSecret(string name)
    {
        var vector = Vector(name);

        var (sharedSecret, ciphertext) = XWing.EncapsulateDerand(XWingVectors.Bytes(vector.PublicKey), XWingVectors.Bytes(vector.EncapsulationSeed))!.Value;

        Assert.Equal(XWingVectors.Bytes(vector.Ciphertext), ciphertext);
        Assert.Equal(XWingVectors.Bytes(vector.SharedSecret), sharedSecret);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decapsulate_VectorCiphertext_GivesVectorSecret(string name)
    {
        var vector = Vector(name);
        using var keyPair = XWingKeyPair.FromSeed(XWingVectors.Bytes(vector.Seed));

        var sharedSecret = keyPair.Decapsulate(XWingVectors.Bytes(vector.Ciphertext));

        Assert.Equal(XWingVectors.Bytes(vector.SharedSecret), sharedSecret);
    }

    private static XWingVectors Vector(string name) => name switch
    {
        nameof(XWingVectors.First) => XWingVectors.First,
        nameof(XWingVectors.Second) => XWingVectors.Second,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
