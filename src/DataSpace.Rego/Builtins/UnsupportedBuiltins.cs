namespace DataSpace.Rego.Builtins;

/// <summary>
/// Builtins the embedded engine deliberately does not offer (network and runtime access): calling
/// one raises a clear error naming it, strict mode or not.
/// </summary>
internal static class UnsupportedBuiltins
{
    public static void Register(Registrar r)
    {
        Add(r, "http.send", 1);
        Add(r, "net.lookup_ip_addr", 1);
        Add(r, "opa.runtime", 0);
    }

    private static void Add(Registrar r, string name, int arity) =>
        r.Add(name, arity, _ => throw new BuiltinException(Evaluation.ErrorCodes.Builtin, $"{name}: unsupported builtin in the embedded Rego engine") { AlwaysRaise = true });
}
