using System.Net.Http.Headers;

namespace DataSpace.Hosting.Http;

/// <summary>
/// A request body of UTF-8 JSON that is bytes already — an entry's canonical bytes, a signed
/// message — sent as it is, with no node to build and write out again.
/// </summary>
public static class JsonBytesContent
{
    /// <summary>The content for <paramref name="utf8Json"/>, typed <c>application/json; charset=utf-8</c>.</summary>
    public static ReadOnlyMemoryContent Create(ReadOnlyMemory<byte> utf8Json) =>
        new(utf8Json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
}
