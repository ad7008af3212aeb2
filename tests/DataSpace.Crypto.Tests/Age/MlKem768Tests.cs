using System.Security.Cryptography;
using DataSpace.Crypto.Age.MlKem;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// ML-KEM-768 (FIPS 203) properties beyond the X-Wing known answers: sizes, agreement, implicit
/// rejection giving exactly J(z ‖ c), and the encapsulation key check.
/// </summary>
public sealed class MlKem768Tests
{
    private static readonly byte[] D = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly byte[] Z = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    [Fact]
    public void KeyGen_Encapsulate_Decapsulate_Agree()
    {
        var (encapsulationKey, decapsulationKey) = MlKem768.KeyGenInternal(D, Z);

        var (sharedSecret, ciphertext) = MlKem768.EncapsulateInternal(encapsulationKey, RandomNumberGenerator.GetBytes(32));

        Assert.Equal(1184, encapsulationKey.Length);
        Assert.Equal(2400, decapsulationKey.Length);
        Assert.Equal(1088, ciphertext.Length);
        Assert.Equal(sharedSecret, MlKem768.Decapsulate(decapsulationKey, ciphertext));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(1087)]
    public void Decapsulate_AlteredCiphertext_GivesImplicitRejectionSecret(int index)
    {
        var (encapsulationKey, decapsulationKey) = MlKem768.KeyGenInternal(D, Z);
        var (sharedSecret, ciphertext) = MlKem768.EncapsulateInternal(encapsulationKey, new byte[32]);
        ciphertext[index] ^= 0x04;

        var rejected = MlKem768.Decapsulate(decapsulationKey, ciphertext);

        Assert.NotEqual(sharedSecret, rejected);
        Assert.Equal(Shake256.HashData([.. Z, .. ciphertext], 32), rejected); // K̄ = J(z ‖ c)
    }

    [Fact]
    public void IsValidEncapsulationKey_ChecksLengthAndReduction()
    {
        var (encapsulationKey, _) = MlKem768.KeyGenInternal(D, Z);
        var unreduced = (byte[])encapsulationKey.Clone();
        unreduced[383] = 0xFF; // the last coefficient of t̂[0] becomes ≥ 3329 (its high byte)
        var seedOnly = (byte[])encapsulationKey.Clone();
        seedOnly[1183] ^= 0xFF; // ρ is not checked: any 32 bytes are a seed

        Assert.True(MlKem768.IsValidEncapsulationKey(encapsulationKey));
        Assert.False(MlKem768.IsValidEncapsulationKey(unreduced));
        Assert.False(MlKem768.IsValidEncapsulationKey(encapsulationKey.AsSpan(1..)));
        Assert.True(MlKem768.IsValidEncapsulationKey(seedOnly));
    }
}
