using System.Security.Cryptography;
using Burgerbegroting.Voting.Secrecy;

namespace Burgerbegroting.Voting.Tests.Secrecy;

public sealed class BallotPseudonymTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(BallotPseudonym.KeyBytes);

    [Fact]
    public void The_same_voter_and_key_give_the_same_pseudonym_so_a_ballot_can_be_found_and_replaced() =>
        Assert.Equal(BallotPseudonym.Of(Key, "voter-1"), BallotPseudonym.Of(Key, "voter-1"));

    [Fact]
    public void Another_voter_or_another_round_key_gives_another_pseudonym()
    {
        var other = RandomNumberGenerator.GetBytes(BallotPseudonym.KeyBytes);
        Assert.NotEqual(BallotPseudonym.Of(Key, "voter-1"), BallotPseudonym.Of(Key, "voter-2"));
        Assert.NotEqual(BallotPseudonym.Of(Key, "voter-1"), BallotPseudonym.Of(other, "voter-1"));
    }

    [Fact]
    public void A_pseudonym_is_64_hex_digits_and_does_not_contain_the_voter() =>
        Assert.Matches("^[0-9a-f]{64}$", BallotPseudonym.Of(Key, "6f1c2b4e-0000-4000-8000-000000000001"));

    [Fact]
    public void It_is_the_standard_HMAC_SHA256_so_an_auditor_can_recompute_it_with_the_key() =>
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Key, "voter-1"u8)), BallotPseudonym.Of(Key, "voter-1"));

    [Fact]
    public void A_short_key_or_an_empty_voter_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BallotPseudonym.Of(new byte[16], "voter-1"));
        Assert.Throws<ArgumentException>(() => BallotPseudonym.Of(Key, ""));
    }
}

public sealed class ReceiptCodeTests
{
    [Fact]
    public void A_code_is_two_groups_of_four_from_an_alphabet_without_look_alikes()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = ReceiptCode.New();
            Assert.Matches("^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$", code);
            Assert.Equal(ReceiptCode.Length, code.Length);
        }
    }

    [Fact]
    public void Codes_are_random_every_character_of_the_alphabet_turns_up_and_100000_codes_hardly_repeat()
    {
        var codes = Enumerable.Range(0, 100_000).Select(_ => ReceiptCode.New()).ToList();
        Assert.InRange(codes.Count - codes.Distinct(StringComparer.Ordinal).Count(), 0, 2);
        Assert.Equal(ReceiptCode.Alphabet.Order(), codes.SelectMany(c => c).Where(c => c != '-').Distinct().Order());
    }
}
