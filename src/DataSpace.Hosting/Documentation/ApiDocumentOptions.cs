namespace DataSpace.Hosting.Documentation;

/// <summary>
/// What a service's OpenAPI document and reference page say about it. The service defaults fill in
/// the title and version from the service name and assembly; change them with
/// <c>builder.Services.Configure&lt;ApiDocumentOptions&gt;(…)</c>.
/// </summary>
public sealed class ApiDocumentOptions
{
    /// <summary>The document's <c>info.title</c> and the reference page's title, e.g. <c>DataSpace Broker API</c>.</summary>
    public string Title { get; set; } = "DataSpace API";

    /// <summary>The document's <c>info.version</c>: the version of the service's API, not of OpenAPI.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>The document's <c>info.description</c>, Markdown; none when null.</summary>
    public string? Description { get; set; }
}
