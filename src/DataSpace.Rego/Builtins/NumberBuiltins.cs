using System.Numerics;

namespace DataSpace.Rego.Builtins;

/// <summary>Arithmetic, rounding, <c>numbers.*</c> and <c>bits.*</c>.</summary>
internal static class NumberBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("plus", 2, a => RegoNumber.Add(Args.Number(a, 0, "plus"), Args.Number(a, 1, "plus")));
        r.Add("minus", 2, Minus);
        r.Add("mul", 2, a => RegoNumber.Multiply(Args.Number(a, 0, "mul"), Args.Number(a, 1, "mul")));
        r.Add("div", 2, Divide);
        r.Add("rem", 2, Remainder);
        r.Add("abs", 1, a => Args.Number(a, 0, "abs") is var n && n.Sign < 0 ? RegoNumber.Negate(n) : n);
        r.Add("ceil", 1, a => Args.Number(a, 0, "ceil").Ceiling());
        r.Add("floor", 1, a => Args.Number(a, 0, "floor").Floor());
        r.Add("round", 1, a => Args.Number(a, 0, "round").Round());
        r.Add("numbers.range", 2, a => Range(a, "numbers.range", BigInteger.One));
        r.Add("numbers.range_step", 3, RangeStep);
        r.Add("rand.intn", 2, RandIntn);
        r.Add("bits.or", 2, a => RegoNumber.Of(Args.Integer(a, 0, "bits.or") | Args.Integer(a, 1, "bits.or")));
        r.Add("bits.and", 2, a => RegoNumber.Of(Args.Integer(a, 0, "bits.and") & Args.Integer(a, 1, "bits.and")));
        r.Add("bits.xor", 2, a => RegoNumber.Of(Args.Integer(a, 0, "bits.xor") ^ Args.Integer(a, 1, "bits.xor")));
        r.Add("bits.negate", 1, a => RegoNumber.Of(-Args.Integer(a, 0, "bits.negate") - 1));
        r.Add("bits.lsh", 2, a => RegoNumber.Of(Args.Integer(a, 0, "bits.lsh") << Shift(a, "bits.lsh")));
        r.Add("bits.rsh", 2, a => RegoNumber.Of(Args.Integer(a, 0, "bits.rsh") >> Shift(a, "bits.rsh")));
    }

    private static int Shift(RegoValue[] a, string fn)
    {
        var s = Args.Integer(a, 1, fn);
        if (s < 0)
        {
            // A type error in OPA, naming the operand.
            throw new BuiltinException(Evaluation.ErrorCodes.Type, $"{fn}: operand 2 must be an unsigned integer number but got a negative integer");
        }
        return (int)BigInteger.Min(s, 1 << 20);
    }

    private static RegoValue Minus(RegoValue[] a)
    {
        switch (a[0], a[1])
        {
            case (RegoNumber x, RegoNumber y):
                return RegoNumber.Subtract(x, y);
            case (RegoSet x, RegoSet y):
                return new RegoSet(x.Items.Where(i => !y.Contains(i)));
            case (RegoNumber, _):
                throw Args.TypeError("minus", 1, "number", a[1]);
            case (RegoSet, _):
                throw Args.TypeError("minus", 1, "set", a[1]);
            default:
                throw Args.TypeError("minus", 0, "one of {number, set}", a[0]);
        }
    }

    private static RegoValue Divide(RegoValue[] a)
    {
        var x = Args.Number(a, 0, "div");
        var y = Args.Number(a, 1, "div");
        if (y.Sign == 0)
        {
            throw Args.Error("div", "divide by zero");
        }
        return RegoNumber.Divide(x, y);
    }

    private static RegoValue Remainder(RegoValue[] a)
    {
        var x = Args.Number(a, 0, "rem");
        var y = Args.Number(a, 1, "rem");
        if (!x.TryGetInteger(out var xi) || !y.TryGetInteger(out var yi))
        {
            throw Args.Error("rem", "modulo on floating-point number");
        }
        if (yi.IsZero)
        {
            throw Args.Error("rem", "modulo by zero");
        }
        return RegoNumber.Of(BigInteger.Remainder(xi, yi));
    }

    private static RegoValue Range(RegoValue[] a, string fn, BigInteger step)
    {
        var from = Args.Integer(a, 0, fn);
        var to = Args.Integer(a, 1, fn);
        var items = new List<RegoValue>();
        if (from <= to)
        {
            for (var i = from; i <= to; i += step)
            {
                items.Add(RegoNumber.Of(i));
            }
        }
        else
        {
            for (var i = from; i >= to; i -= step)
            {
                items.Add(RegoNumber.Of(i));
            }
        }
        return new RegoArray(items.ToArray());
    }

    private static RegoValue RangeStep(RegoValue[] a)
    {
        var step = Args.Integer(a, 2, "numbers.range_step");
        if (step <= 0)
        {
            throw Args.Error("numbers.range_step", "step must be a positive integer");
        }
        return Range(a, "numbers.range_step", step);
    }

    private static RegoValue? RandIntn(RegoValue[] a, BuiltinContext ctx)
    {
        var str = Args.String(a, 0, "rand.intn");
        var n = Args.Integer(a, 1, "rand.intn");
        if (n.IsZero)
        {
            return RegoNumber.Zero;
        }
        var key = $"rand.intn:{str}:{n}";
        if (!ctx.Cache.TryGetValue(key, out var v))
        {
            var bound = (long)BigInteger.Min(BigInteger.Abs(n), long.MaxValue);
            v = RegoNumber.Of(Random.Shared.NextInt64(bound));
            ctx.Cache[key] = v;
        }
        return (RegoValue)v;
    }
}
