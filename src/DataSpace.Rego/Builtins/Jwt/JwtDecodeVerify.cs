using System.Text;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// <c>io.jwt.decode_verify(token, constraints)</c>: <c>[valid, header, payload]</c>. A token that
/// does not verify or does not meet a constraint gives <c>[false, {}, {}]</c>; malformed input
/// or constraints are errors (RFC 7519 §7.2 steps in the comments).
/// </summary>
internal static class JwtDecodeVerify
{
    private const string Fn = "io.jwt.decode_verify";

    private static readonly RegoArray Unverified = new([RegoBoolean.False, RegoObject.Empty, RegoObject.Empty]);

    public static RegoValue? Evaluate(RegoValue[] a, BuiltinContext context)
    {
        var text = Args.String(a, 0, Fn);
        var constraints = JwtConstraints.Parse(Fn, Args.Object(a, 1, Fn), context.Now);
        RegoObject header;
        string payloadText;
        while (true)
        {
            // Steps 1-6: split, decode and check the header.
            var token = JwtToken.Split(Fn, text);
            header = token.DecodeHeader();
            var jose = JoseHeader.Parse(Fn, header);
            if (!jose.Valid || (constraints.Alg.Length > 0 && constraints.Alg != jose.Alg))
            {
                return Unverified;
            }
            // Step 7: the signature.
            var signature = token.DecodeSignature();
            if (!Verify(constraints, jose, token.SigningInput, signature))
            {
                return Unverified;
            }
            // Steps 8-10: a nested JWT goes round again.
            payloadText = token.DecodePayloadText();
            if (!jose.Cty.Equals("JWT", StringComparison.OrdinalIgnoreCase))
            {
                var payload = token.JsonObject(payloadText);
                return MeetsClaims(constraints, payload) ? new RegoArray([RegoBoolean.True, header, payload]) : Unverified;
            }
            text = payloadText;
        }
    }

    private static bool Verify(JwtConstraints constraints, JoseHeader header, byte[] input, byte[] signature)
    {
        if (!JwsAlgorithms.IsKnown(header.Alg))
        {
            throw Args.Error(Fn, "unknown JWS algorithm: " + header.Alg);
        }
        if (constraints.Keys is { } keys)
        {
            if (header.Kid.Length > 0 && keys.Find(k => k.Kid == header.Kid) is { } byId)
            {
                return JwtBuiltins.Check(header.Alg, byId, input, signature) == VerifyOutcome.Verified;
            }
            return keys.Any(k => (k.Alg.Length == 0 || k.Alg == header.Alg)
                && JwtBuiltins.Check(header.Alg, k, input, signature) == VerifyOutcome.Verified);
        }
        var secret = new SymmetricKey(Encoding.UTF8.GetBytes(constraints.Secret));
        return JwsAlgorithms.Verify(header.Alg, secret, input, signature) switch
        {
            VerifyOutcome.Verified => true,
            VerifyOutcome.NotVerified => false,
            _ => throw Args.Error(Fn, "incorrect public key type"),
        };
    }

    /// <summary>Registered claims (RFC 7519 §4.1.1, §4.1.3-4.1.5) against the constraints and the clock.</summary>
    private static bool MeetsClaims(JwtConstraints constraints, RegoObject payload)
    {
        if (constraints.Iss.Length > 0 && !(payload["iss"] is RegoString iss && iss.Value == constraints.Iss))
        {
            return false;
        }
        if (payload["aud"] is { } aud ? !AudienceMatches(aud, constraints.Aud) : constraints.Aud.Length > 0)
        {
            return false;
        }
        // The clock is in nanoseconds, the claims in seconds; OPA compares the seconds as a float.
        var now = RegoNumber.Of(constraints.TimeNs / 1e9)!;
        if (payload["exp"] is { } exp && now.CompareTo(exp is RegoNumber ? exp : throw Args.Error(Fn, "exp value must be a number")) >= 0)
        {
            return false;
        }
        if (payload["nbf"] is { } nbf && now.CompareTo(nbf is RegoNumber ? nbf : throw Args.Error(Fn, "nbf value must be a number")) < 0)
        {
            return false;
        }
        return true;
    }

    private static bool AudienceMatches(RegoValue aud, string want) => aud switch
    {
        RegoString s => s.Value == want,
        RegoArray list => list.Items.Any(i => i is RegoString s && s.Value == want),
        _ => false,
    };
}
