using Burgerbegroting.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Email;

public static class EmailSetup
{
    /// <summary>The outbox, its background sender, the mail transport and Identity's mails through the outbox.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Outbox>();
        services.AddScoped<EmailTemplates>();
        services.AddSingleton<Unsubscribe>();
        services.AddScoped<IEmailSender<AppUser>, IdentityEmailSender>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxSignalInterceptor>();
        if (builder.Configuration.GetValue($"{EmailOptions.Section}:RunSender", true))
        {
            services.AddHostedService<OutboxSenderService>();
        }

        return builder;
    }
}
