namespace DataSpace.Rego.Builtins;

/// <summary>Type checks and conversion: <c>is_*</c>, <c>type_name</c>, <c>to_number</c>.</summary>
internal static class TypeBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("is_number", 1, a => RegoBoolean.Of(a[0] is RegoNumber));
        r.Add("is_string", 1, a => RegoBoolean.Of(a[0] is RegoString));
        r.Add("is_boolean", 1, a => RegoBoolean.Of(a[0] is RegoBoolean));
        r.Add("is_array", 1, a => RegoBoolean.Of(a[0] is RegoArray));
        r.Add("is_set", 1, a => RegoBoolean.Of(a[0] is RegoSet));
        r.Add("is_object", 1, a => RegoBoolean.Of(a[0] is RegoObject));
        r.Add("is_null", 1, a => RegoBoolean.Of(a[0] is RegoNull));
        r.Add("type_name", 1, a => new RegoString(a[0].TypeName));
        r.Add("to_number", 1, ToNumber);
    }

    private static RegoValue ToNumber(RegoValue[] a) => a[0] switch
    {
        RegoNull => RegoNumber.Zero,
        RegoBoolean b => b.Value ? RegoNumber.One : RegoNumber.Zero,
        RegoNumber n => n,
        RegoString s => ParseNumber(s.Value),
        _ => throw Args.TypeError("to_number", 0, "one of {null, boolean, number, string}", a[0]),
    };

    private static RegoNumber ParseNumber(string s)
    {
        var t = s.Trim();
        if (t.TrimStart('+', '-').ToLowerInvariant() is "nan" or "inf" or "infinity")
        {
            throw new BuiltinException(Evaluation.ErrorCodes.Type, "to_number: operand 1 must be valid number string, got " + t);
        }
        if (t.Length > 0 && (t.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E')) && RegoNumber.Parse(t) is { } n)
        {
            return n;
        }
        throw new BuiltinException(Evaluation.ErrorCodes.Builtin, $"strconv.ParseFloat: parsing {RegoJsonQuote(s)}: invalid syntax");
    }

    private static string RegoJsonQuote(string s) => new RegoString(s).ToString();
}
