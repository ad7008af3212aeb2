namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>
/// The JOSE header members that verification reads (RFC 7515 §4.1). A header is valid when it
/// names an algorithm and every critical member (<c>crit</c>) is one this reader understands.
/// </summary>
internal sealed class JoseHeader
{
    private static readonly HashSet<string> Known = ["alg", "kid", "typ", "cty", "crit"];

    public string Alg { get; private init; } = "";

    public string Kid { get; private init; } = "";

    public string Typ { get; private init; } = "";

    public string Cty { get; private init; } = "";

    public bool Valid { get; private init; }

    public static JoseHeader Parse(string fn, RegoObject header)
    {
        var crit = new HashSet<string>(StringComparer.Ordinal);
        if (header["crit"] is { } c)
        {
            if (c is not RegoArray list)
            {
                throw Args.Error(fn, "crit: must be a list");
            }
            foreach (var item in list.Items)
            {
                crit.Add(item is RegoString s ? s.Value : throw Args.Error(fn, "crit: must be a list of strings"));
            }
            if (crit.Count == 0)
            {
                throw Args.Error(fn, "crit: must be a nonempty list");
            }
        }
        var alg = Text(fn, header, "alg");
        var unknownCritical = header.Keys.OfType<RegoString>().Any(k => !Known.Contains(k.Value) && crit.Contains(k.Value));
        return new JoseHeader
        {
            Alg = alg,
            Kid = Text(fn, header, "kid"),
            Typ = Text(fn, header, "typ"),
            Cty = Text(fn, header, "cty"),
            Valid = alg.Length > 0 && !unknownCritical,
        };
    }

    private static string Text(string fn, RegoObject header, string name) => header[name] switch
    {
        null => "",
        RegoString s => s.Value,
        _ => throw Args.Error(fn, $"{name}: must be a string"),
    };
}
