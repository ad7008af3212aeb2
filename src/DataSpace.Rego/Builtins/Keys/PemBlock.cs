namespace DataSpace.Rego.Builtins.Keys;

/// <summary>One decoded PEM block and the text that follows its END line.</summary>
internal sealed record PemBlock(string Type, byte[] Bytes, string Rest);
