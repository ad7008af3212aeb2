using System.Security.Cryptography;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// The JWS <c>alg</c> values OPA knows (RFC 7518 §3, RFC 8037 §3.1): HMAC, RSASSA-PKCS1-v1_5,
/// RSASSA-PSS, ECDSA with raw <c>r‖s</c> signatures, and EdDSA over Ed25519.
/// </summary>
internal static class JwsAlgorithms
{
    public static bool IsKnown(string alg) => alg is "HS256" or "HS384" or "HS512" or "RS256" or "RS384" or "RS512"
        or "PS256" or "PS384" or "PS512" or "ES256" or "ES384" or "ES512" or "EdDSA";

    /// <summary>Checks a signature; <see cref="VerifyOutcome.WrongKeyType"/> when the key cannot serve the algorithm.</summary>
    public static VerifyOutcome Verify(string alg, object key, byte[] input, byte[] signature)
    {
        bool ok;
        switch (alg[..2], key)
        {
            case ("HS", SymmetricKey k):
                ok = CryptographicOperations.FixedTimeEquals(Hmac(alg, k.Bytes, input), signature);
                break;
            case ("RS", RSA rsa):
                ok = rsa.VerifyData(input, signature, Hash(alg), RSASignaturePadding.Pkcs1);
                break;
            case ("PS", RSA rsa):
                ok = rsa.VerifyData(input, signature, Hash(alg), RSASignaturePadding.Pss);
                break;
            case ("ES", ECDsa ec):
                ok = ec.VerifyData(input, signature, Hash(alg));
                break;
            case ("Ed", Ed25519Key ed):
                ok = Ed25519.Verify(ed.PublicKey, input, signature);
                break;
            default:
                return VerifyOutcome.WrongKeyType;
        }
        return ok ? VerifyOutcome.Verified : VerifyOutcome.NotVerified;
    }

    /// <summary>Signs <paramref name="input"/>; throws <see cref="KeyFormatException"/> when the key does not fit.</summary>
    public static byte[] Sign(string alg, object key, byte[] input) => (alg[..2], key) switch
    {
        ("HS", SymmetricKey k) => Hmac(alg, k.Bytes, input),
        ("RS", RSA rsa) => rsa.SignData(input, Hash(alg), RSASignaturePadding.Pkcs1),
        ("PS", RSA rsa) => rsa.SignData(input, Hash(alg), RSASignaturePadding.Pss),
        ("ES", ECDsa ec) => ec.SignData(input, Hash(alg)),
        ("Ed", Ed25519Key { Seed: { } seed }) => Ed25519.Sign(seed, input),
        _ => throw new KeyFormatException($"key cannot be used for {alg} signatures"),
    };

    private static HashAlgorithmName Hash(string alg) => alg[2..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    private static byte[] Hmac(string alg, byte[] key, byte[] input) => alg[2..] switch
    {
        "256" => HMACSHA256.HashData(key, input),
        "384" => HMACSHA384.HashData(key, input),
        _ => HMACSHA512.HashData(key, input),
    };
}
