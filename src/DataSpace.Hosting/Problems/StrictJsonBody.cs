using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Results;
using Microsoft.AspNetCore.Http;
using Utf8 = System.Text.Unicode.Utf8;

namespace DataSpace.Hosting.Problems;

/// <summary>
/// Reads a request body as strict JSON (RFC 8259: no comments, no trailing commas, no duplicate
/// member names, at most <see cref="MaxDepth"/> levels) into a <see cref="Result{T}"/>: a malformed
/// body is an <see cref="ErrorKind.Invalid"/> error saying where and what, never an exception.
/// Duplicate names matter because signed objects are hashed in canonical form: two readers that
/// keep different duplicates would see different documents under one signature.
/// </summary>
/// <remarks>
/// An oversized body is not malformed: the size limit's <see cref="BadHttpRequestException"/> (413)
/// passes through to the exception handler, which answers it.
/// </remarks>
public static class StrictJsonBody
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>The body as a JSON object; anything else (an array, a number, malformed text) is invalid.</summary>
    public static async Task<Result<JsonObject>> ReadJsonObjectAsync(this HttpRequest request, CancellationToken cancellationToken = default)
    {
        var element = await request.ReadObjectElementAsync(cancellationToken).ConfigureAwait(false);
        return element.IsSuccess ? JsonObject.Create(element.Value)! : element.Error;
    }

    /// <summary>The body as a JSON object, kept as the parsed document (no node tree): for bodies read once, e.g. a signed entry.</summary>
    public static async Task<Result<JsonElement>> ReadObjectElementAsync(this HttpRequest request, CancellationToken cancellationToken = default)
    {
        var element = await request.ReadJsonElementAsync(cancellationToken).ConfigureAwait(false);
        if (!element.IsSuccess)
        {
            return element.Error;
        }
        return element.Value.ValueKind == JsonValueKind.Object
            ? element.Value
            : Error.Invalid($"The request body must be a JSON object, not {KindOf(element.Value.ValueKind)}.");
    }

    /// <summary>The body as a JSON value of any kind, detached from the request.</summary>
    public static async Task<Result<JsonElement>> ReadJsonElementAsync(this HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return Error.Invalid($"The request body must be JSON: send Content-Type: application/json (got {request.ContentType ?? "none"}).");
        }
        if (request.ContentLength == 0)
        {
            return Error.Invalid("The request body is empty: a JSON document is required.");
        }
        var token = cancellationToken.CanBeCanceled ? cancellationToken : request.HttpContext.RequestAborted;
        // Buffered whole (the body limit bounds it) because the reader checks UTF-8 only where it
        // decodes, and a signed document must be valid UTF-8 everywhere (RFC 8259 §8.1). The
        // buffer is pooled and sized from Content-Length: the parsed value is copied out anyway.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 0, FirstRead, MaxFirstRent) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return Parse(buffer.AsMemory(0, length), "The request body");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int FirstRead = 4096;

    // A declared length is trusted for the first buffer only up to this; the body limit ends longer reads.
    private const int MaxFirstRent = 1 << 20;

    /// <summary>
    /// Parses <paramref name="bytes"/> as strictly as a request body (e.g. a signed answer another
    /// service sent back); <paramref name="what"/> names it in the error.
    /// </summary>
    public static Result<JsonElement> Parse(ReadOnlyMemory<byte> bytes, string what)
    {
        if (FirstInvalidUtf8(bytes.Span) is { } offset)
        {
            return Error.Invalid($"{what} is not valid UTF-8 (byte {offset + 1}); JSON must be UTF-8 (RFC 8259 §8.1).");
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Error.Invalid(JsonErrorText.Describe(e));
        }
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }

    private static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
