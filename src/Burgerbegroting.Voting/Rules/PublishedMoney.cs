using System.Numerics;

namespace Burgerbegroting.Voting;

/// <summary>
/// The one place where the Method of Equal Shares turns exact amounts into the cents that explanations publish, so
/// the fast and the exact engine cannot differ by a cent. Each amount is rounded to the cent in the direction that
/// keeps its sentence true: a payment up ("each supporter paid at most €x"), money left down ("they had €x left,
/// too little for its cost"), and a voter's starting money down (shares shown never add up to more than the budget).
/// </summary>
internal static class PublishedMoney
{
    public static decimal Payment(BigRational amount) => Cents(amount, up: true);

    public static decimal MoneyLeft(BigRational amount) => Cents(amount, up: false);

    public static decimal VoterBudget(BigRational amount) => Cents(amount, up: false);

    private static decimal Cents(BigRational amount, bool up)
    {
        var cents = BigInteger.DivRem(amount.Numerator * 100, amount.Denominator, out var remainder);
        if (!remainder.IsZero && (remainder.Sign > 0) == up)
        {
            cents += remainder.Sign;
        }

        return (decimal)cents / 100m;
    }
}
