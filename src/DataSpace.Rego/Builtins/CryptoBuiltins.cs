using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Rego.Builtins;

/// <summary><c>crypto.md5/sha1/sha256</c> and <c>crypto.hmac.*</c> (hex output, as OPA).</summary>
internal static class CryptoBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("crypto.md5", 1, a => Hex(MD5.HashData(Bytes(a, 0, "crypto.md5"))));
        r.Add("crypto.sha1", 1, a => Hex(SHA1.HashData(Bytes(a, 0, "crypto.sha1"))));
        r.Add("crypto.sha256", 1, a => Hex(SHA256.HashData(Bytes(a, 0, "crypto.sha256"))));
        r.Add("crypto.hmac.md5", 2, a => Hex(HMACMD5.HashData(Bytes(a, 1, "crypto.hmac.md5"), Bytes(a, 0, "crypto.hmac.md5"))));
        r.Add("crypto.hmac.sha1", 2, a => Hex(HMACSHA1.HashData(Bytes(a, 1, "crypto.hmac.sha1"), Bytes(a, 0, "crypto.hmac.sha1"))));
        r.Add("crypto.hmac.sha256", 2, a => Hex(HMACSHA256.HashData(Bytes(a, 1, "crypto.hmac.sha256"), Bytes(a, 0, "crypto.hmac.sha256"))));
        r.Add("crypto.hmac.sha512", 2, a => Hex(HMACSHA512.HashData(Bytes(a, 1, "crypto.hmac.sha512"), Bytes(a, 0, "crypto.hmac.sha512"))));
        r.Add("crypto.hmac.equal", 2, a => RegoBoolean.Of(CryptographicOperations.FixedTimeEquals(
            Bytes(a, 0, "crypto.hmac.equal"), Bytes(a, 1, "crypto.hmac.equal"))));
    }

    private static byte[] Bytes(RegoValue[] a, int i, string fn) => Encoding.UTF8.GetBytes(Args.String(a, i, fn));

    private static RegoString Hex(byte[] b) => new(Convert.ToHexStringLower(b));
}
