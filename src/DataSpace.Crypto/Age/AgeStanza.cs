namespace DataSpace.Crypto.Age;

/// <summary>
/// One recipient stanza of an age header (age spec, "Recipient stanza"): a type, its further
/// arguments and a binary body. Recipients produce stanzas; identities recognise the ones
/// addressed to them by <see cref="Type"/> and arguments.
/// </summary>
public sealed class AgeStanza
{
    /// <summary>Creates a stanza; every string must be a non-empty run of visible ASCII characters.</summary>
    /// <param name="type">The first argument, for example <c>X25519</c> or <c>scrypt</c>.</param>
    /// <param name="arguments">The arguments after the type.</param>
    /// <param name="body">The stanza body (wrapped file key).</param>
    public AgeStanza(string type, IReadOnlyList<string> arguments, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!IsArgument(type) || !arguments.All(IsArgument))
        {
            throw new ArgumentException("Stanza arguments must be non-empty strings of visible ASCII characters (age spec, ABNF 'argument = 1*VCHAR').");
        }
        Type = type;
        Arguments = [.. arguments];
        Body = body.ToArray();
    }

    /// <summary>The stanza type: its first argument.</summary>
    public string Type { get; }

    /// <summary>The arguments after the type.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The decoded body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    private static bool IsArgument(string value) =>
        value.Length > 0 && value.All(c => c is >= '!' and <= '~');
}
