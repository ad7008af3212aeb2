namespace DataSpace.Rego.Builtins;

/// <summary><c>uuid.rfc4122</c> (one random UUID per seed string and query) and <c>uuid.parse</c>.</summary>
internal static class UuidBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("uuid.rfc4122", 1, (a, ctx) =>
        {
            var key = "uuid:" + Args.String(a, 0, "uuid.rfc4122");
            if (!ctx.Cache.TryGetValue(key, out var v))
            {
                v = new RegoString(Guid.NewGuid().ToString());
                ctx.Cache[key] = v;
            }
            return (RegoValue)v;
        });
        r.Add("uuid.parse", 1, a => Parse(Args.String(a, 0, "uuid.parse")));
    }

    private static RegoValue? Parse(string s)
    {
        if (!Guid.TryParse(s, out var g))
        {
            return null;
        }
        var hex = g.ToString("N");
        var version = Convert.ToInt32(hex[12].ToString(), 16);
        var variantNibble = Convert.ToInt32(hex[16].ToString(), 16);
        var variant = (variantNibble & 0x8) == 0 ? "Reserved, NCS backward compatibility." : (variantNibble & 0x4) == 0 ? "RFC4122" : (variantNibble & 0x2) == 0 ? "Reserved, Microsoft Corporation backward compatibility." : "Reserved, reserved for future definition.";
        var map = new Dictionary<RegoValue, RegoValue>
        {
            [new RegoString("version")] = RegoNumber.Of(version),
            [new RegoString("variant")] = new RegoString(variant),
        };
        if (version == 1)
        {
            var timeHex = hex[13..16] + hex[8..12] + hex[0..8];
            var ticks = Convert.ToInt64(timeHex, 16);
            // 100 ns intervals since 1582-10-15, to nanoseconds since the Unix epoch.
            map[new RegoString("time")] = RegoNumber.Of((System.Numerics.BigInteger)(ticks - 0x01B21DD213814000L) * 100);
            map[new RegoString("clocksequence")] = RegoNumber.Of(Convert.ToInt32(hex[16..20], 16) & 0x3FFF);
            map[new RegoString("nodeid")] = new RegoString(string.Join('-', Enumerable.Range(0, 6).Select(i => hex.Substring(20 + (2 * i), 2))));
            map[new RegoString("macvariables")] = new RegoString((Convert.ToInt32(hex[20..22], 16) & 1) == 1 ? "local:multicast" : "global:unicast");
        }
        return new RegoObject(map);
    }
}
