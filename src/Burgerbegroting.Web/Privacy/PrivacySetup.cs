namespace Burgerbegroting.Web.Privacy;

public static class PrivacySetup
{
    /// <summary>A person's own data and deleting their account, the retention of editions' personal data, the statements' facts.</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().Bind(builder.Configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => o.RetentionMonths >= 1, "Privacy:RetentionMonths must be at least 1.")
            .Validate(o => o.RetentionCheckInterval > TimeSpan.Zero, "Privacy:RetentionCheckInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<AccountErasure>();
        builder.Services.AddScoped<Retention>();
        if (builder.Configuration.GetValue($"{PrivacyOptions.Section}:RunRetention", true))
        {
            builder.Services.AddHostedService<RetentionJob>();
        }

        return builder;
    }
}
