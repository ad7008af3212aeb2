using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace DataSpace.Storage;

/// <summary>
/// The rules for blob keys, the same for every store so that a key valid in one is valid in all: a
/// relative, <c>/</c>-separated path such as <c>88.608.8889/PRD-0001</c>.
/// </summary>
/// <remarks>
/// A key is 1 to <see cref="MaxLength"/> characters of valid Unicode without control characters and
/// without <c>\ : * ? " &lt; &gt; |</c> (not every file system accepts them); it does not start with
/// <c>/</c>; every segment is non-empty, at most <see cref="MaxSegmentBytes"/> UTF-8 bytes (a file-name
/// limit), does not start with <c>.</c> (which rules out <c>.</c> and <c>..</c>, and leaves names starting
/// with a dot to the stores' own temporary and sidecar files) and does not end with <c>.</c> or a space
/// (Windows drops them). Together these make path traversal impossible in the file-system store.
/// </remarks>
public static class BlobKey
{
    /// <summary>The longest key, in UTF-16 characters.</summary>
    public const int MaxLength = 512;

    /// <summary>The longest segment, in UTF-8 bytes (the usual file-name limit).</summary>
    public const int MaxSegmentBytes = 255;

    private const string Unportable = "\\:*?\"<>|";

    /// <summary>Checks <paramref name="key"/>; when it is invalid, <paramref name="problem"/> says which rule it breaks.</summary>
    public static bool TryValidate([NotNullWhen(true)] string? key, [NotNullWhen(false)] out string? problem)
    {
        problem = Problem(key);
        return problem is null;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> saying what is wrong when <paramref name="key"/> is invalid.</summary>
    public static void Validate([NotNull] string? key, [CallerArgumentExpression(nameof(key))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (Problem(key) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>
    /// Checks a listing prefix: any start of a valid key (empty, a partial segment, or ending with
    /// <c>/</c>), held to the same character rules and, for its complete segments, the segment rules.
    /// </summary>
    internal static void ValidatePrefix([NotNull] string? prefix, [CallerArgumentExpression(nameof(prefix))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(prefix, paramName);
        if (prefix.Length == 0)
        {
            return;
        }
        var problem = CharacterProblem(prefix, "prefix");
        if (problem is null)
        {
            // Every segment but the last (possibly partial, possibly empty after a trailing '/') is complete.
            var segments = prefix.Split('/');
            for (var i = 0; i < segments.Length - 1 && problem is null; i++)
            {
                problem = SegmentProblem(prefix, "prefix", segments[i]);
            }
        }
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Whether a stored name belongs to the store itself (a segment starting with <c>.</c>), not to a key.</summary>
    internal static bool IsReserved(string name) => name.StartsWith('.') || name.Contains("/.", StringComparison.Ordinal);

    private static string? Problem(string? key)
    {
        if (key is null)
        {
            return "The blob key is missing.";
        }
        if (key.Length == 0)
        {
            return "The blob key is empty.";
        }
        if (CharacterProblem(key, "key") is { } characters)
        {
            return characters;
        }
        foreach (var segment in key.Split('/'))
        {
            if (SegmentProblem(key, "key", segment) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? CharacterProblem(string value, string what)
    {
        if (value.Length > MaxLength)
        {
            return $"The blob {what} is {value.Length} characters long; the limit is {MaxLength}.";
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return $"The blob {what} {Show(value)} contains the control character U+{(int)c:X4} at position {i}.";
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return $"The blob {what} {Show(value)} is not valid Unicode: an unpaired surrogate at position {i}.";
            }
            if (c == '\\')
            {
                return $"The blob {what} {Show(value)} contains '\\': segments are separated by '/'.";
            }
            if (Unportable.Contains(c))
            {
                return $"The blob {what} {Show(value)} contains '{c}', which not every file system accepts.";
            }
        }
        if (value[0] == '/')
        {
            return $"The blob {what} {Show(value)} starts with '/': keys are relative paths such as 88.608.8889/PRD-0001.";
        }
        return null;
    }

    private static string? SegmentProblem(string value, string what, string segment)
    {
        if (segment.Length == 0)
        {
            return $"The blob {what} {Show(value)} has an empty segment ('//' or a '/' at the end).";
        }
        if (segment is "." or "..")
        {
            return $"The blob {what} {Show(value)} has a '{segment}' segment: keys name blobs inside the store and cannot climb out of it.";
        }
        if (segment[0] == '.')
        {
            return $"The blob {what} {Show(value)} has the segment '{segment}', which starts with '.': such names are reserved for the store's own files.";
        }
        if (segment[^1] is '.' or ' ')
        {
            return $"The blob {what} {Show(value)} has the segment '{segment}', which ends with '{segment[^1]}': Windows and Azure drop a trailing dot or space.";
        }
        var bytes = Encoding.UTF8.GetByteCount(segment);
        if (bytes > MaxSegmentBytes)
        {
            return $"The blob {what} {Show(value)} has a segment of {bytes} UTF-8 bytes; the limit is {MaxSegmentBytes}.";
        }
        return null;
    }

    // Quoted, with control characters escaped so that the message stays on one line.
    private static string Show(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        var builder = new StringBuilder(shown.Length + 2).Append('\'');
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1])
                : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(shown[i - 1]);
            builder.Append(char.IsControl(c) || (char.IsSurrogate(c) && !paired) ? $"\\u{(int)c:x4}" : c);
        }
        return builder.Append('\'').ToString();
    }
}
