using System.Numerics;

namespace Burgerbegroting.Voting;

/// <summary>An exact fraction, always in lowest terms with a positive denominator.</summary>
internal readonly struct BigRational : IComparable<BigRational>, IEquatable<BigRational>
{
    private BigRational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public static BigRational Zero { get; } = new(BigInteger.Zero, BigInteger.One);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsZero => Numerator.IsZero;

    public static BigRational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    public static BigRational FromInteger(BigInteger value) => new(value, BigInteger.One);

    /// <summary>The exact value of a finite double: its mantissa times a power of two.</summary>
    public static BigRational FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers have an exact value.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0)
        {
            exponent = 1; // subnormal: no hidden bit
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var numerator = new BigInteger(bits < 0 ? -mantissa : mantissa);
        return exponent >= 0 ? FromInteger(numerator << exponent) : Create(numerator, BigInteger.One << -exponent);
    }

    public static BigRational operator +(BigRational a, BigRational b) =>
        a.Denominator == b.Denominator
            ? Create(a.Numerator + b.Numerator, a.Denominator)
            : Create((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static BigRational operator -(BigRational a, BigRational b) =>
        a.Denominator == b.Denominator
            ? Create(a.Numerator - b.Numerator, a.Denominator)
            : Create((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static BigRational operator *(BigRational a, BigInteger b) => Create(a.Numerator * b, a.Denominator);

    public static BigRational operator /(BigRational a, BigInteger b) => Create(a.Numerator, a.Denominator * b);

    public static BigRational operator *(BigRational a, BigRational b) =>
        Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static bool operator <(BigRational a, BigRational b) => a.CompareTo(b) < 0;

    public static bool operator >(BigRational a, BigRational b) => a.CompareTo(b) > 0;

    public static bool operator <=(BigRational a, BigRational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(BigRational a, BigRational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(BigRational a, BigRational b) => a.Equals(b);

    public static bool operator !=(BigRational a, BigRational b) => !a.Equals(b);

    public static BigRational Min(BigRational a, BigRational b) => a <= b ? a : b;

    public int CompareTo(BigRational other) =>
        Denominator == other.Denominator
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(BigRational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is BigRational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
}
