using System.Diagnostics.CodeAnalysis;

namespace DataSpace.Core.Results;

/// <summary>
/// The one result type of DataSpace: a value, or an <see cref="Core.Results.Error"/> saying why
/// not. Expected failures (a denial, an illegal transition) are results, never exceptions.
/// </summary>
public readonly struct Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null on success.</summary>
    public Error? Error { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is a failure (a bug in the caller).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error.Message}");

    /// <summary>A success.</summary>
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static Result<T> Failure(Error error) => new(default, error);

    /// <inheritdoc/>
    public static Result<T> Fail(Error error) => Failure(error);

    /// <summary>Lets a handler return a value directly.</summary>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Lets a handler return an error directly.</summary>
    public static implicit operator Result<T>(Error error) => Failure(error);
}
