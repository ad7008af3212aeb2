namespace DataSpace.Rego.Builtins.Keys;

/// <summary>Key text that is neither a usable PEM block nor a usable JWK (set).</summary>
internal sealed class KeyFormatException(string message) : Exception(message);
