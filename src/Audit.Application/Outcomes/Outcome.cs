using System.Diagnostics.CodeAnalysis;

namespace Audit.Application.Outcomes;

/// <summary>
/// What a use case returns: its value, or exactly one <see cref="Failure"/>. Both convert implicitly, so a use case
/// says <c>return value;</c> or <c>return new Failure.NotFound(…);</c>.
/// </summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Failure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsOk => Failure is null;

    /// <summary>The value; reading it from a failed outcome is a programming error.</summary>
    public T Value => IsOk ? _value! : throw new InvalidOperationException($"The outcome failed: {Failure.Detail}");

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Failure? failure)
    {
        value = _value;
        failure = Failure;
        return failure is null;
    }

    /// <summary>The same failure as another outcome type, for a use case that stops at a step's failure.</summary>
    public Outcome<TOther> Fail<TOther>() => Failure ?? throw new InvalidOperationException("The outcome did not fail.");
}

/// <summary>A use case that only succeeds or fails, with nothing to return.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}

public static class Outcome
{
    /// <summary>
    /// A successful outcome; needed where the value's type is an interface (C# applies no implicit user-defined
    /// conversion from one).
    /// </summary>
    public static Outcome<T> Of<T>(T value) => value;
}
