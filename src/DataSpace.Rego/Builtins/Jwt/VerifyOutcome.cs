namespace DataSpace.Rego.Builtins.Jwt;

/// <summary>The result of checking one signature with one key.</summary>
internal enum VerifyOutcome
{
    Verified,
    NotVerified,

    /// <summary>The key is of another kind than the algorithm needs (OPA: "incorrect public key type").</summary>
    WrongKeyType,
}
