using System.Globalization;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>A receipt per saved ballot, but not a mailbox full: saves within a few minutes of the last one send none.</summary>
public sealed class BallotReceiptTests
{
    [Fact]
    public async Task Saving_a_ballot_again_and_again_queues_one_receipt_until_the_window_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new AppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateEditionAsync();
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        await app.CreateAsync("anna@example.nl", Roles.Resident);
        var anna = await app.SignInAsync("anna@example.nl");
        var themes = await app.ThemeIdsAsync();
        Task<int> ReceiptsAsync() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "anna@example.nl" && m.Kind == "ballot-receipt"));

        for (var i = 0; i < 20; i++)
        {
            (await anna.SubmitAsync("/stemmen/themas", new Dictionary<string, string> { ["Chosen"] = themes[i % themes.Count].ToString(CultureInfo.InvariantCulture) }))
                .AssertRedirect("/stemmen/themas");
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, await ReceiptsAsync());
        Assert.Equal(themes[19 % themes.Count], await app.WithDbAsync(db => db.BallotEntries.Select(e => e.ThemeId).SingleAsync()));

        clock.Advance(TimeSpan.FromMinutes(5));
        (await anna.SubmitAsync("/stemmen/themas", new Dictionary<string, string> { ["Chosen"] = themes[0].ToString(CultureInfo.InvariantCulture) }))
            .AssertRedirect("/stemmen/themas");

        Assert.Equal(2, await ReceiptsAsync());
    }
}
