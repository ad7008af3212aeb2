using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DataSpace.Core.Results;

namespace DataSpace.Core.Json;

/// <summary>
/// How domain records (offers, agreements, transfer events) are read from and written to JSON:
/// camelCase, timestamps as <see cref="Timestamps"/> spells them, nulls left out, and reading is
/// strict — names match exactly, and an unknown member, a missing required member or a null where
/// none is allowed is an error that names the member, because these documents are signed and must
/// mean one thing to every reader (another implementation would not take <c>OfferId</c> for <c>offerId</c>).
/// </summary>
public static class DomainJson
{
    /// <summary>The serializer options for every domain record.</summary>
    public static JsonSerializerOptions Options { get; } = Create(canonicalOrder: false);

    /// <summary>
    /// The same conventions, for text that is canonicalised next (signed messages, entry bodies):
    /// members written in RFC 8785 order (by name, ordinal) and only the escapes JSON requires, so the
    /// text usually already is canonical and the canonicaliser returns it as it is instead of parsing
    /// and rewriting it. The escaping is not meant for text shown in a web page; this text is only signed.
    /// </summary>
    public static JsonSerializerOptions CanonicalOrderOptions { get; } = Create(canonicalOrder: true);

    /// <summary>The UTF-8 JSON of a record, in <see cref="CanonicalOrderOptions"/>: to be canonicalised and signed.</summary>
    public static byte[] ToCanonicalOrderUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, CanonicalOrderOptions);

    /// <summary>The record as a JSON object (to sign it or put it in an entry body).</summary>
    public static JsonObject ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!.AsObject();

    /// <summary>Reads a record strictly; the error says which member is wrong.</summary>
    public static Result<T> Read<T>(JsonNode? node, string what)
        where T : class =>
        Deserialize(() => node is JsonObject, () => node.Deserialize<T>(Options), what);

    /// <summary>Reads a record strictly from UTF-8 JSON text (e.g. the verified content of a signed message).</summary>
    public static Result<T> Read<T>(ReadOnlyMemory<byte> utf8Json, string what)
        where T : class =>
        Deserialize(
            () =>
            {
                var start = new Utf8JsonReader(utf8Json.Span);
                return start.Read() && start.TokenType == JsonTokenType.StartObject;
            },
            () => JsonSerializer.Deserialize<T>(utf8Json.Span, Options),
            what);

    /// <summary>Reads a record strictly from an element (e.g. an entry's body), in one pass over it.</summary>
    public static Result<T> Read<T>(JsonElement element, string what)
        where T : class =>
        Deserialize(() => element.ValueKind == JsonValueKind.Object, () => element.Deserialize<T>(Options), what);

    /// <summary>The checks every form shares: an object, not empty, valid as <typeparamref name="T"/>; malformed text is invalid too.</summary>
    private static Result<T> Deserialize<T>(Func<bool> isObject, Func<T?> read, string what)
        where T : class
    {
        try
        {
            if (!isObject())
            {
                return Error.Invalid($"{what} must be a JSON object.");
            }
            return read() is { } value ? value : Error.Invalid($"{what} is empty.");
        }
        catch (JsonException e)
        {
            return Error.Invalid($"{what} is not valid: {Describe(e)}");
        }
    }

    private static string Describe(JsonException e)
    {
        // The explanation leaves out the serializer's position suffix and type names; the member path ($.terms.validUntil) is worth keeping.
        var path = e.Path is { Length: > 0 } p && p != "$" ? $" (at {p})" : string.Empty;
        return JsonFailure.Explain(e).Text.TrimEnd('.') + path + ".";
    }

    /// <summary>
    /// Gives <paramref name="options"/> the domain conventions, e.g. a web service's HTTP JSON
    /// options, so its requests and responses read and write records as the ledger does.
    /// </summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Insert(0, new TimestampConverter());
        options.Converters.Add(new RawElementConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>Orders an object's members by their JSON names in UTF-16 code units, as RFC 8785 §3.2.3 does.</summary>
    private static void OrderMembersByName(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        if (type.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            return;
        }
        var names = type.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var property in type.Properties)
        {
            property.Order = names.IndexOf(property.Name);
        }
    }

    private static JsonSerializerOptions Create(bool canonicalOrder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        var resolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        if (canonicalOrder)
        {
            options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            resolver.Modifiers.Add(OrderMembersByName);
        }
        options.TypeInfoResolver = resolver;
        options.MakeReadOnly();
        return options;
    }
}
