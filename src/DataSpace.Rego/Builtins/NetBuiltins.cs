using System.Net;
using System.Numerics;

namespace DataSpace.Rego.Builtins;

/// <summary><c>net.cidr_*</c> over IPv4 and IPv6 prefixes.</summary>
internal static class NetBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("net.cidr_contains", 2, a =>
        {
            var outer = Cidr(Args.String(a, 0, "net.cidr_contains"), "net.cidr_contains");
            var s = Args.String(a, 1, "net.cidr_contains");
            var inner = s.Contains('/') ? Cidr(s, "net.cidr_contains") : Ip(s, "net.cidr_contains");
            return RegoBoolean.Of(Contains(outer, inner));
        });
        r.Add("net.cidr_intersects", 2, a =>
        {
            var x = Cidr(Args.String(a, 0, "net.cidr_intersects"), "net.cidr_intersects");
            var y = Cidr(Args.String(a, 1, "net.cidr_intersects"), "net.cidr_intersects");
            return RegoBoolean.Of(x.Bits == y.Bits && (Contains(x, (y.Start, y.Bits, y.Bits)) || Contains(y, (x.Start, x.Bits, x.Bits))));
        });
        r.Add("net.cidr_is_valid", 1, a => RegoBoolean.Of(a[0] is RegoString s && TryCidr(s.Value, out _)));
        r.Add("net.cidr_expand", 1, Expand);
        r.Add("net.cidr_contains_matches", 2, ContainsMatches);
        r.Add("net.cidr_merge", 1, Merge);
    }

    /// <summary>A prefix as (first address, address width in bits, prefix length).</summary>
    private static (BigInteger Start, int Bits, int Prefix) Cidr(string s, string fn) =>
        TryCidr(s, out var c) ? c : throw Args.Error(fn, $"invalid CIDR address: {s}");

    private static (BigInteger, int, int) Ip(string s, string fn)
    {
        if (!IPAddress.TryParse(s, out var ip) || s.Contains('%'))
        {
            throw Args.Error(fn, $"invalid IP address: {s}");
        }
        var bytes = ip.GetAddressBytes();
        return (new BigInteger(bytes, isUnsigned: true, isBigEndian: true), bytes.Length * 8, bytes.Length * 8);
    }

    private static bool TryCidr(string s, out (BigInteger Start, int Bits, int Prefix) cidr)
    {
        cidr = default;
        var slash = s.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(s[..slash], out var ip) || !int.TryParse(s[(slash + 1)..], out var prefix))
        {
            return false;
        }
        var bytes = ip.GetAddressBytes();
        var bits = bytes.Length * 8;
        if (prefix < 0 || prefix > bits || (bits == 32 && s[..slash].Count(c => c == '.') != 3))
        {
            return false;
        }
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var mask = ((BigInteger.One << bits) - 1) ^ ((BigInteger.One << (bits - prefix)) - 1);
        cidr = (value & mask, bits, prefix);
        return true;
    }

    private static bool Contains((BigInteger Start, int Bits, int Prefix) outer, (BigInteger Start, int Bits, int Prefix) inner)
    {
        if (outer.Bits != inner.Bits || inner.Prefix < outer.Prefix)
        {
            return false;
        }
        var shift = outer.Bits - outer.Prefix;
        return (inner.Start >> shift) == (outer.Start >> shift);
    }

    private static string Format(BigInteger value, int bits)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[bits / 8];
        Array.Copy(bytes, 0, full, full.Length - bytes.Length, bytes.Length);
        return new IPAddress(full).ToString();
    }

    private static RegoValue Expand(RegoValue[] a)
    {
        var c = Cidr(Args.String(a, 0, "net.cidr_expand"), "net.cidr_expand");
        var count = BigInteger.One << (c.Bits - c.Prefix);
        if (count > 1 << 20)
        {
            throw Args.Error("net.cidr_expand", "CIDR too large to expand");
        }
        var items = new List<RegoValue>();
        for (var i = BigInteger.Zero; i < count; i++)
        {
            items.Add(new RegoString(Format(c.Start + i, c.Bits)));
        }
        return new RegoSet(items);
    }

    private static IEnumerable<(RegoValue Key, string Value)> Entries(RegoValue v, int index)
    {
        switch (v)
        {
            case RegoString s:
                yield return (s, s.Value);
                break;
            case RegoArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    yield return (RegoNumber.Of(i), Address(arr[i], index));
                }
                break;
            case RegoSet set:
                foreach (var item in set.Items)
                {
                    yield return (item, Address(item, index));
                }
                break;
            case RegoObject o:
                foreach (var (k, item) in o.Entries)
                {
                    yield return (k, Address(item, index));
                }
                break;
            default:
                throw Args.TypeError("net.cidr_contains_matches", index, "one of {string, array, set, object}", v);
        }
    }

    private static string Address(RegoValue v, int index) => v switch
    {
        RegoString s => s.Value,
        RegoArray { Count: > 0 } arr when arr[0] is RegoString s => s.Value,
        _ => throw Args.Error("net.cidr_contains_matches", $"operand {index + 1}: expected string or array with string as first element"),
    };

    private static RegoValue ContainsMatches(RegoValue[] a)
    {
        var result = new HashSet<RegoValue>();
        foreach (var (ck, cv) in Entries(a[0], 0))
        {
            var outer = Cidr(cv, "net.cidr_contains_matches");
            foreach (var (ek, ev) in Entries(a[1], 1))
            {
                var inner = ev.Contains('/') ? Cidr(ev, "net.cidr_contains_matches") : Ip(ev, "net.cidr_contains_matches");
                if (Contains(outer, inner))
                {
                    result.Add(new RegoArray([ck, ek]));
                }
            }
        }
        return new RegoSet(result);
    }

    private static RegoValue Merge(RegoValue[] a)
    {
        var list = new List<(BigInteger Start, int Bits, int Prefix)>();
        foreach (var item in Args.Collection(a, 0, "net.cidr_merge"))
        {
            var s = item is RegoString str ? str.Value : throw Args.TypeError("net.cidr_merge", 0, "set or array of strings", a[0]);
            list.Add(s.Contains('/') ? Cidr(s, "net.cidr_merge") : Ip(s, "net.cidr_merge"));
        }
        var result = new List<RegoValue>();
        foreach (var family in list.GroupBy(c => c.Bits))
        {
            var merged = family.OrderBy(c => c.Start).ThenBy(c => c.Prefix).ToList();
            var changed = true;
            while (changed)
            {
                changed = false;
                // Drop prefixes covered by another, then join adjacent siblings.
                merged = merged.Where((c, i) => !merged.Where((o, j) => j != i && Contains(o, c) && (o.Prefix < c.Prefix || j < i)).Any()).ToList();
                for (var i = 0; i + 1 < merged.Count; i++)
                {
                    var x = merged[i];
                    var y = merged[i + 1];
                    if (x.Prefix == y.Prefix && x.Prefix > 0)
                    {
                        var size = BigInteger.One << (x.Bits - x.Prefix);
                        if (x.Start + size == y.Start && (x.Start & ((size << 1) - 1)) == 0)
                        {
                            merged[i] = (x.Start, x.Bits, x.Prefix - 1);
                            merged.RemoveAt(i + 1);
                            changed = true;
                            break;
                        }
                    }
                }
            }
            result.AddRange(merged.Select(c => (RegoValue)new RegoString($"{Format(c.Start, c.Bits)}/{c.Prefix}")));
        }
        return new RegoSet(result);
    }
}
