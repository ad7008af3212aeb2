using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// The constraints object of <c>io.jwt.decode_verify</c>: exactly one of <c>cert</c> (PEM or JWK
/// set) and <c>secret</c>, optionally <c>alg</c>, <c>iss</c>, <c>aud</c> and <c>time</c>
/// (nanoseconds; the evaluation's clock when absent). Unknown names are rejected.
/// </summary>
internal sealed class JwtConstraints
{
    public List<VerificationKey>? Keys { get; private set; }

    public string Secret { get; private set; } = "";

    public string Alg { get; private set; } = "";

    public string Iss { get; private set; } = "";

    public string Aud { get; private set; } = "";

    public double TimeNs { get; private set; } = -1;

    public static JwtConstraints Parse(string fn, RegoObject o, DateTimeOffset now)
    {
        var c = new JwtConstraints();
        foreach (var (key, value) in o.Entries)
        {
            var name = key is RegoString s ? s.Value : key.ToString();
            switch (name)
            {
                case "cert":
                    c.Keys = JwtBuiltins.Keys(fn, Text(fn, name, value));
                    break;
                case "secret":
                    c.Secret = Text(fn, name, value);
                    break;
                case "alg":
                    c.Alg = Text(fn, name, value);
                    break;
                case "iss":
                    c.Iss = Text(fn, name, value);
                    break;
                case "aud":
                    c.Aud = Text(fn, name, value);
                    break;
                case "time":
                    c.TimeNs = Time(fn, value);
                    break;
                default:
                    throw Args.Error(fn, "unknown token validation constraint: " + name);
            }
        }
        if (c.TimeNs < 0)
        {
            c.TimeNs = (now - DateTimeOffset.UnixEpoch).Ticks * 100.0;
        }
        var keySources = (c.Keys is null ? 0 : 1) + (c.Secret.Length == 0 ? 0 : 1);
        return keySources switch
        {
            0 => throw Args.Error(fn, "no key constraint"),
            > 1 => throw Args.Error(fn, "duplicate key constraints"),
            _ => c,
        };
    }

    private static string Text(string fn, string name, RegoValue value) =>
        value is RegoString s ? s.Value : throw Args.Error(fn, $"{name} constraint: must be a string");

    private static double Time(string fn, RegoValue value)
    {
        var t = value is RegoNumber n ? n.ToDouble() : throw Args.Error(fn, "token time constraint: must be a number");
        return t >= 0 ? t : throw Args.Error(fn, "token time constraint: must not be negative");
    }
}
