using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Outbox>();
        services.AddScoped<EmailTemplates>();
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
