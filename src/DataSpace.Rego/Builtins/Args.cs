using System.Numerics;

namespace DataSpace.Rego.Builtins;

/// <summary>Operand checks that raise OPA's type errors (<c>name: operand N must be T but got U</c>).</summary>
internal static class Args
{
    public static BuiltinException TypeError(string fn, int index, string want, RegoValue got) =>
        new(Evaluation.ErrorCodes.Type, $"{fn}: operand {index + 1} must be {want} but got {got.TypeName}");

    public static BuiltinException Error(string fn, string message) => new(Evaluation.ErrorCodes.Builtin, $"{fn}: {message}");

    public static string String(RegoValue[] a, int i, string fn) =>
        a[i] is RegoString s ? s.Value : throw TypeError(fn, i, "string", a[i]);

    public static RegoNumber Number(RegoValue[] a, int i, string fn) =>
        a[i] as RegoNumber ?? throw TypeError(fn, i, "number", a[i]);

    public static BigInteger Integer(RegoValue[] a, int i, string fn)
    {
        var n = Number(a, i, fn);
        return n.TryGetInteger(out var v) ? v : throw new BuiltinException(Evaluation.ErrorCodes.Type, $"{fn}: operand {i + 1} must be integer number but got floating-point number");
    }

    public static int Int32(RegoValue[] a, int i, string fn)
    {
        var v = Integer(a, i, fn);
        return v >= int.MinValue && v <= int.MaxValue ? (int)v : throw Error(fn, $"operand {i + 1} out of range");
    }

    public static bool Boolean(RegoValue[] a, int i, string fn) =>
        a[i] is RegoBoolean b ? b.Value : throw TypeError(fn, i, "boolean", a[i]);

    public static RegoArray Array(RegoValue[] a, int i, string fn) =>
        a[i] as RegoArray ?? throw TypeError(fn, i, "array", a[i]);

    public static RegoObject Object(RegoValue[] a, int i, string fn) =>
        a[i] as RegoObject ?? throw TypeError(fn, i, "object", a[i]);

    public static RegoSet Set(RegoValue[] a, int i, string fn) =>
        a[i] as RegoSet ?? throw TypeError(fn, i, "set", a[i]);

    /// <summary>Elements of an array or set operand.</summary>
    public static IReadOnlyList<RegoValue> Collection(RegoValue[] a, int i, string fn) => a[i] switch
    {
        RegoArray arr => arr.Items,
        RegoSet s => s.Items,
        _ => throw TypeError(fn, i, "one of {array, set}", a[i]),
    };

    /// <summary>Strings of an array or set operand of strings.</summary>
    public static List<string> Strings(RegoValue[] a, int i, string fn, string want = "one of {array, set}")
    {
        IReadOnlyList<RegoValue> items = a[i] switch
        {
            RegoArray arr => arr.Items,
            RegoSet s => s.Items,
            _ => throw TypeError(fn, i, want, a[i]),
        };
        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            result.Add(item is RegoString s ? s.Value : throw new BuiltinException(Evaluation.ErrorCodes.Type, $"{fn}: operand {i + 1} must be {a[i].TypeName} of strings but got {a[i].TypeName} containing {item.TypeName}"));
        }
        return result;
    }
}
