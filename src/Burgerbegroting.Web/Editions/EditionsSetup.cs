using Burgerbegroting.Web.Audit;

namespace Burgerbegroting.Web.Editions;

public static class EditionsSetup
{
    /// <summary>Editions and their rounds: the ballot path, the round lifecycle, results, publication mails, the demo.</summary>
    public static WebApplicationBuilder AddEditions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AuditLog>();
        services.AddSingleton<Eligibility>();
        services.AddScoped<VotingOutlook>();
        services.AddScoped<BallotDesk>();
        services.AddSingleton<Infrastructure.SecretKeys>();
        services.AddScoped<Secrecy.BallotKeys>();
        services.AddScoped<Secrecy.BallotSecrecyUpgrade>();
        services.AddScoped<RoundLifecycle>();
        services.AddScoped<ResultsCalculator>();
        services.AddScoped<PublishedFiles>();
        services.AddSingleton<PublishedFileBuilds>();
        services.AddScoped<PublicationMails>();
        services.AddScoped<DemoEdition>();
        return builder;
    }
}
