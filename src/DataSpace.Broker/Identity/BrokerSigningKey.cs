using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Broker.Identity;

/// <summary>
/// The key that signs access tokens: ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4), which every
/// JwtBearer validates out of the box. Its <c>kid</c> is the RFC 7638 thumbprint of the public key,
/// so the same key always has the same id and services find it in the JWKS after a restart.
/// </summary>
internal sealed class BrokerSigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    public BrokerSigningKey(ECParameters parameters)
    {
        _ecdsa = ECDsa.Create(parameters);
        var publicKey = new ECParameters { Curve = parameters.Curve, Q = parameters.Q };
        var jwk = SigningKeyFile.ToJwk(publicKey);
        KeyId = jwk["kid"]!.GetValue<string>();
        Jwks = JsonSerializer.SerializeToElement(new JsonObject { ["keys"] = new JsonArray(jwk) }, SigningKeyJson.Default.JsonObject);
        Credentials = new SigningCredentials(new ECDsaSecurityKey(_ecdsa) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>The RFC 7638 thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>The JWK Set (RFC 7517 §5) published at <c>/jwks</c>: this one public key.</summary>
    public JsonElement Jwks { get; }

    /// <summary>What JsonWebTokenHandler signs with.</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>Loads the key kept in <paramref name="directory"/>, creating it on first start.</summary>
    public static BrokerSigningKey LoadOrCreate(string directory, ILogger logger)
    {
        var parameters = SigningKeyFile.LoadOrCreate(directory, out var created);
        try
        {
            var key = new BrokerSigningKey(parameters);
            var path = Path.Combine(directory, SigningKeyFile.FileName);
            if (created)
            {
                TokenServiceLog.KeyCreated(logger, key.KeyId, path);
            }
            else
            {
                TokenServiceLog.KeyLoaded(logger, key.KeyId, path);
            }
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    public void Dispose() => _ecdsa.Dispose();
}
