using System.Numerics;
using System.Text.RegularExpressions;

namespace DataSpace.Rego.Builtins;

/// <summary><c>semver.is_valid</c> and <c>semver.compare</c> (Semantic Versioning 2.0.0 precedence).</summary>
internal static partial class SemverBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("semver.is_valid", 1, a => RegoBoolean.Of(a[0] is RegoString s && Pattern().IsMatch(s.Value)));
        r.Add("semver.compare", 2, a =>
        {
            var x = Parse(a, 0);
            var y = Parse(a, 1);
            return RegoNumber.Of(Compare(x, y));
        });
    }

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex Pattern();

    private static Match Parse(RegoValue[] a, int i)
    {
        var s = Args.String(a, i, "semver.compare");
        var m = Pattern().Match(s);
        return m.Success ? m : throw Args.Error("semver.compare", $"operand {i + 1}: string \"{s}\" is not a valid SemVer");
    }

    private static int Compare(Match x, Match y)
    {
        for (var g = 1; g <= 3; g++)
        {
            var c = BigInteger.Parse(x.Groups[g].Value).CompareTo(BigInteger.Parse(y.Groups[g].Value));
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }
        var px = x.Groups[4].Value;
        var py = y.Groups[4].Value;
        if (px.Length == 0 || py.Length == 0)
        {
            return px.Length == py.Length ? 0 : px.Length == 0 ? 1 : -1;
        }
        var xs = px.Split('.');
        var ys = py.Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var xn = BigInteger.TryParse(xs[i], out var xi);
            var yn = BigInteger.TryParse(ys[i], out var yi);
            var c = xn && yn ? xi.CompareTo(yi) : xn ? -1 : yn ? 1 : string.CompareOrdinal(xs[i], ys[i]);
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }
        return Math.Sign(xs.Length.CompareTo(ys.Length));
    }
}
