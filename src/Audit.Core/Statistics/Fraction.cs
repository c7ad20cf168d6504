using System.Numerics;

namespace Audit.Core.Statistics;

/// <summary>
/// An exact rational number. Every statistic is computed as a fraction and rounded only once, at the end,
/// so a mean that is exactly 2.345 rounds to 2.35 whatever path produced it (decimal division would give
/// 10/3 = 3.333…3 and could land a hair below a midpoint). Always normalized (lowest terms, positive
/// denominator), so the default record equality and hash are value equality and it can key a dictionary.
/// </summary>
internal readonly record struct Fraction : IComparable<Fraction>
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction needs a non-zero denominator.");
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        Numerator = numerator;
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero { get; } = new(0, 1);

    public static Fraction Of(long value) => new(value, 1);

    public static Fraction Of(long numerator, long denominator) => new(numerator, denominator);

    /// <summary>A decimal is mantissa / 10^scale exactly, so this conversion loses nothing.</summary>
    public static Fraction Of(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return new Fraction(bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public int CompareTo(Fraction other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The largest integer ≤ this value.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>
    /// Rounds to <paramref name="decimals"/> places, a midpoint away from zero (2.345 → 2.35, −2.345 → −2.35).
    /// The result has exactly that scale (so 3 at 1 decimal is 3.0).
    /// </summary>
    public decimal Round(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        var scaled = BigInteger.Abs(Numerator) * BigInteger.Pow(10, decimals);
        var quotient = BigInteger.DivRem(scaled, Denominator, out var remainder);
        if (remainder * 2 >= Denominator)
        {
            quotient++;
        }
        if (quotient.GetBitLength() > 96)
        {
            throw new OverflowException("The value does not fit in a decimal.");
        }
        var lo = (int)(uint)(quotient & uint.MaxValue);
        var mid = (int)(uint)((quotient >> 32) & uint.MaxValue);
        var hi = (int)(uint)((quotient >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, isNegative: Numerator.Sign < 0 && !quotient.IsZero, (byte)decimals);
    }

    /// <summary>
    /// The nearest decimal; exact for any terminating value of up to 28 places (every decimal input, and
    /// interpolations of them with a decimal weight), trailing zeros removed.
    /// </summary>
    public decimal ToDecimal() => StatRounding.TrimTrailingZeros((decimal)Numerator / (decimal)Denominator);

    public override string ToString() => Denominator.IsOne ? $"{Numerator}" : $"{Numerator}/{Denominator}";
}
