namespace DataSpace.Crypto.Age;

/// <summary>
/// Reads the textual header off the front of a file, line by line, into <see cref="HeaderParser"/>,
/// leaving the payload in the source. Size limits (a line must fit the source's 64 KiB buffer, the
/// header 1 MiB) keep a hostile header from using unbounded memory.
/// </summary>
internal static class HeaderReader
{
    /// <summary>Far above any real header (a post-quantum stanza is about 1.5 KiB).</summary>
    public const int MaxHeaderBytes = 1 << 20;

    public static async ValueTask<AgeHeader> ReadAsync(BufferedSource source, CancellationToken cancellationToken)
    {
        var parser = new HeaderParser();
        var total = 0;
        while (true)
        {
            var (line, end) = await source.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            total += line.Length;
            if (end == BufferedSource.LineEnd.TooLong || total > MaxHeaderBytes)
            {
                throw new AgeException(AgeErrorKind.Header, "Invalid age header: a line or the whole header is too long.");
            }
            if (end == BufferedSource.LineEnd.EndOfStream)
            {
                throw new AgeException(AgeErrorKind.Header, "Invalid age header: the file ends inside the header.");
            }
            if (parser.Feed(line.Span))
            {
                return parser.Result!;
            }
        }
    }
}
