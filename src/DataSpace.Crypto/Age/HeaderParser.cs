using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// Strict, line-at-a-time parser for the v1 header ABNF (age spec, "ABNF definition of file
/// header"). Each line is given with its terminating LF; anything the grammar does not produce
/// (CR, padding, non-canonical base64, empty or non-VCHAR arguments, long or extra short body
/// lines, a missing stanza) is a <see cref="AgeErrorKind.Header"/> failure.
/// </summary>
internal sealed class HeaderParser
{
    private readonly List<AgeStanza> _stanzas = [];
    private readonly List<byte> _body = [];
    private State _state = State.Version;
    private string[] _arguments = [];

    private enum State
    {
        Version,
        StanzaOrMac,
        Body,
        Done,
    }

    public AgeHeader? Result { get; private set; }

    /// <summary>Consumes one line ending in LF; returns true once the MAC line completed the header.</summary>
    public bool Feed(ReadOnlySpan<byte> line)
    {
        if (_state == State.Done)
        {
            throw new InvalidOperationException("The header is already complete.");
        }
        if (line.IsEmpty || line[^1] != (byte)'\n')
        {
            throw Fail("the header is truncated");
        }
        var content = line[..^1];
        switch (_state)
        {
            case State.Version:
                ParseVersion(content);
                _state = State.StanzaOrMac;
                return false;
            case State.StanzaOrMac when content.StartsWith("---"u8):
                ParseMac(content);
                _state = State.Done;
                return true;
            case State.StanzaOrMac:
                _arguments = ParseArgumentLine(content);
                _body.Clear();
                _state = State.Body;
                return false;
            default:
                ParseBodyLine(content);
                return false;
        }
    }

    private static void ParseVersion(ReadOnlySpan<byte> content)
    {
        if (content.SequenceEqual("age-encryption.org/v1"u8))
        {
            return;
        }
        throw content.StartsWith("age-encryption.org/"u8)
            ? Fail("unsupported version " + Printable(content))
            : Fail("not an age file: the first line is not 'age-encryption.org/v1'");
    }

    private static string[] ParseArgumentLine(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith("-> "u8))
        {
            throw Fail("expected a stanza ('-> ') or the MAC line ('--- ')");
        }
        // Checked on the bytes: decoding first would turn non-ASCII into a valid-looking '?'.
        var text = content[3..];
        if (text.IsEmpty || text[0] == (byte)' ' || text[^1] == (byte)' ' || text.IndexOf("  "u8) >= 0 || text.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
        {
            throw Fail("a stanza argument is empty or not visible ASCII");
        }
        var arguments = Encoding.ASCII.GetString(text).Split(' ');
        return arguments;
    }

    private void ParseBodyLine(ReadOnlySpan<byte> content)
    {
        if (content.Length > AgeHeader.ColumnsPerLine || !Base64Unpadded.IsAlphabet(content))
        {
            throw Fail("a stanza body line is longer than 64 columns or not base64");
        }
        _body.AddRange(content);
        if (content.Length == AgeHeader.ColumnsPerLine)
        {
            return;
        }
        // A line shorter than 64 columns ends the stanza.
        if (!Base64Unpadded.TryDecode([.. _body], out var body))
        {
            throw Fail("a stanza body is not canonical base64");
        }
        _stanzas.Add(new AgeStanza(_arguments[0], _arguments[1..], body));
        _state = State.StanzaOrMac;
    }

    private void ParseMac(ReadOnlySpan<byte> content)
    {
        if (_stanzas.Count == 0)
        {
            throw Fail("the header has no recipient stanza");
        }
        if (!content.StartsWith("--- "u8))
        {
            throw Fail("the MAC line must start with '--- '");
        }
        var encoded = content[4..];
        if (encoded.Length != 43 || !Base64Unpadded.TryDecode(encoded, out var mac) || mac.Length != AgeHeader.MacSize)
        {
            throw Fail("the MAC is not the canonical base64 of 32 bytes");
        }
        Result = new AgeHeader(_stanzas, mac);
    }

    private static string Printable(ReadOnlySpan<byte> content) =>
        Encoding.ASCII.GetString(content[..Math.Min(content.Length, 64)]).ReplaceLineEndings("\\n");

    private static AgeException Fail(string reason) => new(AgeErrorKind.Header, "Invalid age header: " + reason + ".");
}
