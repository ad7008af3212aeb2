using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// A parsed age v1 header (age spec, "Header"): the stanzas and the 32-byte MAC. Encoding is
/// canonical and is exactly what the strict parser accepts, so the MAC is computed over the
/// re-encoded header, as the reference implementation does.
/// </summary>
internal sealed class AgeHeader
{
    public const string VersionLine = "age-encryption.org/v1\n";
    public const string VersionPrefix = "age-encryption.org/";
    public const int ColumnsPerLine = 64;
    public const int MacSize = 32;

    public AgeHeader(IReadOnlyList<AgeStanza> stanzas, byte[] mac)
    {
        Stanzas = stanzas;
        Mac = mac;
    }

    public IReadOnlyList<AgeStanza> Stanzas { get; }

    public byte[] Mac { get; }

    /// <summary>The header up to and including the <c>---</c> mark: the input of the header MAC.</summary>
    public static byte[] EncodeWithoutMac(IReadOnlyList<AgeStanza> stanzas)
    {
        var text = new StringBuilder(VersionLine);
        foreach (var stanza in stanzas)
        {
            text.Append("-> ").Append(stanza.Type);
            foreach (var argument in stanza.Arguments)
            {
                text.Append(' ').Append(argument);
            }
            text.Append('\n');
            // The body is wrapped at 64 columns and always ends with a line shorter than 64,
            // which is empty when the encoding is a multiple of 64 characters long.
            var body = Base64Unpadded.Encode(stanza.Body.Span);
            var offset = 0;
            do
            {
                var take = Math.Min(ColumnsPerLine, body.Length - offset);
                text.Append(body, offset, take).Append('\n');
                offset += take;
                if (take < ColumnsPerLine)
                {
                    break;
                }
            }
            while (true);
        }
        text.Append("---");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The complete header, ending with the MAC line and its line feed.</summary>
    public byte[] Encode() =>
        [.. EncodeWithoutMac(Stanzas), .. Encoding.ASCII.GetBytes(" " + Base64Unpadded.Encode(Mac) + "\n")];
}
