using System.Numerics;

namespace DataSpace.Rego.Builtins;

/// <summary><c>units.parse</c> (SI and binary suffixes, <c>m</c> is milli) and <c>units.parse_bytes</c>.</summary>
internal static class UnitsBuiltins
{
    private static readonly Dictionary<string, RegoNumber> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = RegoNumber.One,
        ["k"] = RegoNumber.Of(1000),
        ["ki"] = RegoNumber.Of(1024),
        ["m"] = RegoNumber.Of(1_000_000),
        ["mi"] = RegoNumber.Of(1 << 20),
        ["g"] = RegoNumber.Of(1_000_000_000),
        ["gi"] = RegoNumber.Of(1L << 30),
        ["t"] = RegoNumber.Of(1_000_000_000_000),
        ["ti"] = RegoNumber.Of(1L << 40),
        ["p"] = RegoNumber.Of(1_000_000_000_000_000),
        ["pi"] = RegoNumber.Of(1L << 50),
        ["e"] = RegoNumber.Of(1_000_000_000_000_000_000),
        ["ei"] = RegoNumber.Of(1L << 60),
    };

    public static void Register(Registrar r)
    {
        r.Add("units.parse", 1, a => Parse(Args.String(a, 0, "units.parse"), "units.parse", bytes: false));
        r.Add("units.parse_bytes", 1, a => Parse(Args.String(a, 0, "units.parse_bytes"), "units.parse_bytes", bytes: true));
    }

    private static RegoValue Parse(string raw, string fn, bool bytes)
    {
        var s = raw.Replace("\"", string.Empty, StringComparison.Ordinal);
        if (s.Contains(' '))
        {
            throw Args.Error(fn, "spaces not allowed in resource strings");
        }
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.' || ((s[split] is 'e' or 'E') && split + 1 < s.Length && (char.IsAsciiDigit(s[split + 1]) || s[split + 1] is '-' or '+')) || ((s[split] is '-' or '+') && split > 0 && s[split - 1] is 'e' or 'E')))
        {
            split++;
        }
        var numText = s[..split];
        var unit = s[split..];
        if (numText.Length == 0)
        {
            throw Args.Error(fn, bytes ? "no byte amount provided" : "no amount provided");
        }
        var number = RegoNumber.Parse(numText) ?? throw Args.Error(fn, bytes ? "could not parse byte amount to a number" : "could not parse amount to a number");
        RegoNumber multiplier;
        if (!bytes && unit == "m")
        {
            multiplier = RegoNumber.Create(1, -3);
        }
        else
        {
            var u = unit.ToLowerInvariant();
            if (bytes && u.EndsWith('b'))
            {
                u = u[..^1];
            }
            if (!Multipliers.TryGetValue(u, out multiplier!))
            {
                throw Args.Error(fn, bytes ? "could not parse byte amount to a number" : "could not parse amount to a number");
            }
        }
        var value = RegoNumber.Multiply(number, multiplier);
        if (bytes)
        {
            value.Floor().TryGetInteger(out var whole);
            return RegoNumber.Of(whole);
        }
        return value;
    }
}
